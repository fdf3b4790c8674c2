using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using MdeSiem.Simulator.Identity;
using MdeSiem.Simulator.Siem;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Hosting;

/// <summary>
/// Applies the delay and status parts of a fault, and installs its mid-body part (reset, stall) on the response
/// stream; record-level faults (truncation, malformed JSON) are the SIEM endpoint's business.
/// </summary>
internal static class FaultResponder
{
    /// <returns>
    /// True when the fault answered the request and the endpoint must not. An <see cref="SimulatedFault.AfterHandling"/>
    /// fault answers nothing here: the endpoint runs it with <see cref="HandleThenAnswerAsync"/> once the request passed
    /// its checks.
    /// </returns>
    public static async Task<bool> AnswerAsync(HttpContext context, SimulatedFault fault)
    {
        if (fault.AfterHandling)
        {
            return false;
        }

        if (fault.Delay > System.TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
        }

        if (fault.ActsOnBody)
        {
            MidBodyFaultStream.Install(context, fault);
        }

        return await WriteStatusAsync(context, fault).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the endpoint's handler to the end (its write is applied), throws its answer away and sends the fault's
    /// status instead; a fault without a status lets the answer through.
    /// </summary>
    public static async Task HandleThenAnswerAsync(HttpContext context, SimulatedFault? fault, Func<HttpContext, Task> handle)
    {
        if (fault is not { AfterHandling: true, StatusCode: not null })
        {
            await handle(context).ConfigureAwait(false);
            return;
        }

        Stream original = context.Response.Body;
        using var discarded = new MemoryStream();
        context.Response.Body = discarded;
        try
        {
            await handle(context).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }

        context.Response.Clear();
        await WriteStatusAsync(context, fault).ConfigureAwait(false);
    }

    private static async Task<bool> WriteStatusAsync(HttpContext context, SimulatedFault fault)
    {
        if (fault.StatusCode is not { } statusCode)
        {
            return false;
        }

        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        else if (fault.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        if (fault.Target == FaultTarget.TokenEndpoint)
        {
            await EntraError.Transient(statusCode).WriteAsync(context).ConfigureAwait(false);
        }
        else
        {
            await SiemError.ForStatus(statusCode).WriteAsync(context).ConfigureAwait(false);
        }

        return true;
    }
}
