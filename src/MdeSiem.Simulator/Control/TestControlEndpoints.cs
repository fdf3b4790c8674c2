using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator.Graph;
using MdeSiem.Simulator.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Builder;

namespace MdeSiem.Simulator.Control;

/// <summary>
/// What in-process tests do with a <see cref="SimulatedTenant"/>, for tests that run the simulator as a program
/// (Pester): enqueue faults, add late alerts, and read the ground truth of the Graph view. Mapped only with
/// <c>--test-control</c> (SimulatorOptions.EnableTestControl); the server listens on loopback only.
/// <list type="bullet">
/// <item>POST /_test/faults {target, statusCode, retryAfterSeconds, delayMilliseconds, requestContains, afterMatchingRequests, partialProvider, truncatedJson, truncateAfterRecords, malformedBody, resetAfterBytes, stallAfterBytes, stallForMilliseconds, count}; POST /_test/faults/clear</item>
/// <item>GET /_test/requests: the request log (method, path, query, status, time)</item>
/// <item>POST /_test/late-alerts {count, spreadSeconds}: spreadSeconds 0 gives them all one timestamp</item>
/// <item>GET /_test/graph-alerts, GET /_test/graph-incidents: [{id, lastUpdateTicks}] visible now</item>
/// </list>
/// </summary>
internal sealed class TestControlEndpoints
{
    public const string Root = "/_test";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly SimulatorServices services;

    public TestControlEndpoints(SimulatorServices services)
    {
        this.services = services;
    }

    /// <summary>Set once the tenant exists: adds a batch of late alerts.</summary>
    public Func<int, TimeSpan, SiemAlertGenerator>? AddLateAlerts { get; set; }

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(Root + "/faults", EnqueueFaultsAsync);
        routes.MapPost(Root + "/faults/clear", context =>
        {
            services.Faults.Clear();
            return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => writer.WriteNullValue());
        });
        routes.MapPost(Root + "/late-alerts", AddLateAlertsAsync);
        routes.MapGet(Root + "/requests", context => context.Response.WriteAsJsonAsync(services.Log.Snapshot(), Web, context.RequestAborted));
        routes.MapGet(Root + "/graph-alerts", context => WriteTruthAsync(context, Alerts().Select(alert => (alert.Id, alert.LastUpdateDateTime))));
        routes.MapGet(Root + "/graph-incidents", context => WriteTruthAsync(context, services.IncidentChanges.Incidents(Alerts(), expandAlerts: false).Select(incident => (incident.Id, incident.LastUpdateDateTime))));
    }

    private IReadOnlyList<GraphAlertRecord> Alerts() => services.GraphAlerts.Visible(services.Clock.GetUtcNow().UtcDateTime);

    private async Task EnqueueFaultsAsync(HttpContext context)
    {
        using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        JsonElement root = body.RootElement;
        // Each copy is its own fault (its own count of requests let through), used once.
        int count = Number(root, "count") ?? 1;
        for (int i = 0; i < count; i++)
        {
            services.Faults.Enqueue(FaultFrom(root));
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("enqueued", count);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static SimulatedFault FaultFrom(JsonElement root) => new()
    {
        Target = Enum.Parse<FaultTarget>(String(root, "target") ?? nameof(FaultTarget.GraphApi), ignoreCase: true),
        StatusCode = Number(root, "statusCode"),
        RetryAfterSeconds = Number(root, "retryAfterSeconds"),
        RetryAfter = String(root, "retryAfter"),
        AfterHandling = Flag(root, "afterHandling"),
        Delay = TimeSpan.FromMilliseconds(Number(root, "delayMilliseconds") ?? 0),
        RequestContains = String(root, "requestContains"),
        PartialProvider = String(root, "partialProvider"),
        AfterMatchingRequests = Number(root, "afterMatchingRequests") ?? 0,
        TruncatedJson = Flag(root, "truncatedJson"),
        TruncateAfterRecords = Number(root, "truncateAfterRecords"),
        MalformedBody = Flag(root, "malformedBody"),
        ResetAfterBytes = Number(root, "resetAfterBytes"),
        StallAfterBytes = Number(root, "stallAfterBytes"),
        StallFor = TimeSpan.FromMilliseconds(Number(root, "stallForMilliseconds") ?? 0),
    };

    private static bool Flag(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.True;

    private async Task AddLateAlertsAsync(HttpContext context)
    {
        using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        int count = Number(body.RootElement, "count") ?? 0;
        double seconds = body.RootElement.TryGetProperty("spreadSeconds", out JsonElement spread) ? spread.GetDouble() : 0;
        TimeSpan span = seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromTicks(1);
        SiemAlertGenerator batch = AddLateAlerts!(count, span);
        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("records", batch.Count);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static Task WriteTruthAsync(HttpContext context, IEnumerable<(string Id, DateTime LastUpdate)> records) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartArray();
            foreach ((string id, DateTime lastUpdate) in records)
            {
                writer.WriteStartObject();
                writer.WriteString("id", id);
                writer.WriteNumber("lastUpdateTicks", lastUpdate.Ticks);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
