using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator.Graph;
using MdeSiem.Simulator.Hosting;
using MdeSiem.Simulator.Siem;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Hunting;

/// <summary>
/// Graph's POST /security/runHuntingQuery (https://learn.microsoft.com/en-us/graph/api/security-security-runhuntingquery):
/// body {"Query": KQL, "Timespan": ISO 8601}, answer huntingQueryResults {"schema": [{name, type}], "results": [..]}
/// over the tenant's AlertInfo and AlertEvidence (a KQL subset, <see cref="KqlEngine"/>). A query that does not
/// parse, names an unknown table or column, or uses an unsupported operator answers 400 with the reason. A result
/// longer than the row limit is cut to it ("Results can return up to 100,000 rows",
/// https://learn.microsoft.com/en-us/defender-xdr/api-advanced-hunting). Calls are limited to 45 a minute and
/// 1,500 an hour (<see cref="RateLimitName"/>), and optionally by the tenant's CPU allocation
/// (<see cref="CpuLimitName"/>), each answered with 429, Retry-After and a body naming the limit.
/// </summary>
internal sealed class HuntingEndpoint
{
    public const string Path = "/v1.0/security/runHuntingQuery";

    public const string RateLimitName = "GraphHunting";

    /// <summary>
    /// The tenant's CPU allocation, kept in the <see cref="RateLimiter"/> as queries per 15-minute cycle (a sliding
    /// window here): "Queries are blocked if the tenant has reached 100% of the allocated resources until after the
    /// next 15-minute cycle" (https://learn.microsoft.com/en-us/defender-xdr/api-advanced-hunting). No limit unless
    /// <see cref="SimulatorOptions.HuntingCpuQueriesPerCycle"/> sets one.
    /// </summary>
    public const string CpuLimitName = "GraphHuntingCpu";

    public static readonly TimeSpan CpuCycle = TimeSpan.FromMinutes(15);

    private readonly AlertStore alerts;
    private readonly string tenantId;
    private readonly Func<DateTime> now;
    private readonly HuntingSettings settings;
    private readonly RateLimiter limits;

    public HuntingEndpoint(AlertStore alerts, string tenantId, Func<DateTime> now, HuntingSettings settings, RateLimiter limits)
    {
        this.limits = limits;
        this.alerts = alerts;
        this.tenantId = tenantId;
        this.now = now;
        this.settings = settings;
    }

    public async Task RunAsync(HttpContext context)
    {
        DateTime nowUtc = now();
        string? query = null;
        string? timespan = null;
        try
        {
            using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            if (body.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty property in body.RootElement.EnumerateObject())
                {
                    // The reference writes Query and Timespan; JSON property names are matched without regard to case.
                    if (property.Name.Equals("query", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                    {
                        query = property.Value.GetString();
                    }
                    else if (property.Name.Equals("timespan", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                    {
                        timespan = property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            query = null;
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            await GraphError.BadRequest("The Query parameter is required.").WriteAsync(context, nowUtc).ConfigureAwait(false);
            return;
        }

        if (!limits.TryAcquire(CpuLimitName, out TimeSpan wait))
        {
            // "429 ... indicates the allocated CPU resources were reached ... Read the response body to understand
            // which limit was reached."
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await new GraphError(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Query execution has exceeded the allocated CPU resources of the tenant; queries are blocked until the next 15-minute cycle.")
                .WriteAsync(context, nowUtc).ConfigureAwait(false);
            return;
        }

        KqlTable result;
        try
        {
            (DateTime start, DateTime end) = HuntingTimespan.Parse(timespan, nowUtc);
            bool InRange(DateTime time) => time >= start && (settings.EndInclusive ? time <= end : time < end);
            var processed = alerts.Snapshot.SelectMany(batch => batch.GetRecords()).Where(record => record.LastProcessedTimeUtc < nowUtc).ToList();
            result = KqlEngine.Run(query, table => HuntingTables.Build(table, processed, tenantId, InRange), nowUtc);
        }
        catch (KqlError error)
        {
            await GraphError.BadRequest(error.Message).WriteAsync(context, nowUtc).ConfigureAwait(false);
            return;
        }

        await JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.security.huntingQueryResults");
            writer.WriteStartArray("schema");
            foreach (KqlColumn column in result.Columns)
            {
                writer.WriteStartObject();
                writer.WriteString(settings.PascalCaseSchema ? "Name" : "name", column.Name);
                writer.WriteString(settings.PascalCaseSchema ? "Type" : "type", column.Type);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("results");
            foreach (object?[] row in result.Rows.Take(settings.RowLimit))
            {
                writer.WriteStartObject();
                for (int i = 0; i < result.Columns.Count; i++)
                {
                    WriteValue(writer, result.Columns[i].Name, row[i]);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(name);
                break;
            case DateTime time:
                writer.WriteString(name, time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
                break;
            case long number:
                writer.WriteNumber(name, number);
                break;
            default:
                writer.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
