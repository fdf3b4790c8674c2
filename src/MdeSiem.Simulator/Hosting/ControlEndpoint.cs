using System;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MdeSiem.Simulator.Hosting;

/// <summary>
/// Lets a test that runs the simulator as a program do what in-process tests do with the tenant object:
/// POST /_simulator/faults enqueues a <see cref="SimulatedFault"/> given as JSON
/// ({"target":"SiemApi","statusCode":503,"retryAfterSeconds":1,"truncateAfterRecords":10,"malformedBody":false,
/// "delayMilliseconds":0,"resetAfterBytes":5000,"stallAfterBytes":5000,"stallForMilliseconds":3000}, every member
/// optional), GET /_simulator/requests returns the request log. Only loopback callers are served.
/// </summary>
internal sealed class ControlEndpoint
{
    public const string Root = "/_simulator";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly FaultQueue faults;
    private readonly RequestLog log;

    public ControlEndpoint(FaultQueue faults, RequestLog log)
    {
        this.faults = faults;
        this.log = log;
    }

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(Root + "/faults", EnqueueAsync);
        routes.MapGet(Root + "/requests", ListRequestsAsync);
    }

    private async Task EnqueueAsync(HttpContext context)
    {
        if (!IsLoopback(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        FaultRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<FaultRequest>(context.Request.Body, Json, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null || !Enum.TryParse(request.Target ?? nameof(FaultTarget.SiemApi), ignoreCase: true, out FaultTarget target))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        faults.Enqueue(new SimulatedFault
        {
            Target = target,
            StatusCode = request.StatusCode,
            RetryAfterSeconds = request.RetryAfterSeconds,
            TruncateAfterRecords = request.TruncateAfterRecords,
            MalformedBody = request.MalformedBody,
            Delay = TimeSpan.FromMilliseconds(request.DelayMilliseconds),
            ResetAfterBytes = request.ResetAfterBytes,
            StallAfterBytes = request.StallAfterBytes,
            StallFor = TimeSpan.FromMilliseconds(request.StallForMilliseconds),
        });
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private Task ListRequestsAsync(HttpContext context)
    {
        if (!IsLoopback(context))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        return context.Response.WriteAsJsonAsync(log.Snapshot(), Json, context.RequestAborted);
    }

    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

    private sealed class FaultRequest
    {
        public string? Target { get; set; }

        public int? StatusCode { get; set; }

        public int? RetryAfterSeconds { get; set; }

        public int? TruncateAfterRecords { get; set; }

        public bool MalformedBody { get; set; }

        public int DelayMilliseconds { get; set; }

        public long? ResetAfterBytes { get; set; }

        public long? StallAfterBytes { get; set; }

        public int StallForMilliseconds { get; set; }
    }
}
