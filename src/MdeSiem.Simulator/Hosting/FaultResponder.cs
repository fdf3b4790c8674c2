using System.Globalization;
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
    /// <returns>True when the fault answered the request and the endpoint must not.</returns>
    public static async Task<bool> AnswerAsync(HttpContext context, SimulatedFault fault)
    {
        if (fault.Delay > System.TimeSpan.Zero)
        {
            await Task.Delay(fault.Delay, context.RequestAborted).ConfigureAwait(false);
        }

        if (fault.ActsOnBody)
        {
            MidBodyFaultStream.Install(context, fault);
        }

        if (fault.StatusCode is not { } statusCode)
        {
            return false;
        }

        if (fault.RetryAfterSeconds is { } seconds)
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
