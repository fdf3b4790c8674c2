using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Hosting;

/// <summary>
/// Gives every response a request id the way Microsoft services do (request-id, x-ms-request-id, and
/// client-request-id echoing the client's own if it sent one) and logs the request once it is answered.
/// </summary>
internal sealed class RequestTracking
{
    private readonly RequestLog log;
    private readonly TimeProvider clock;

    public RequestTracking(RequestLog log, TimeProvider clock)
    {
        this.log = log;
        this.clock = clock;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        DateTimeOffset received = clock.GetUtcNow();
        string requestId = Guid.NewGuid().ToString();
        string clientRequestId = context.Request.Headers["client-request-id"].ToString();
        context.TraceIdentifier = requestId;
        context.Response.Headers["request-id"] = requestId;
        context.Response.Headers["x-ms-request-id"] = requestId;
        context.Response.Headers["client-request-id"] = clientRequestId.Length > 0 ? clientRequestId : requestId;
        bool failed = false;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            // An exception before the response started becomes a 500 on the wire; log what the client will see.
            int status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            log.Add(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.Authorization.Count > 0,
                status,
                requestId,
                received)
            {
                UserAgent = context.Request.Headers.UserAgent.ToString(),
                ClientRequestId = clientRequestId,
            });
        }
    }
}
