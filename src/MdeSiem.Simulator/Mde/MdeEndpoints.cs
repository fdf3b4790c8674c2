using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator.Graph;
using MdeSiem.Simulator.Hosting;
using MdeSiem.Simulator.Identity;
using MdeSiem.Simulator.Incidents;
using MdeSiem.Simulator.Siem;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MdeSiem.Simulator.Mde;

/// <summary>
/// The Defender for Endpoint alerts API (GET /api/alerts[/{id}], PATCH /api/alerts/{id}) and the Defender XDR
/// incidents API (GET /api/incidents[/{id}]) under /mde (the simulator's /api/alerts is the SIEM API). Alerts need
/// a token for https://api.securitycenter.microsoft.com, incidents one for https://api.security.microsoft.com. The
/// documented call limits answer 429 with Retry-After; faults with target DefenderApi answer first.
/// </summary>
internal sealed class MdeEndpoints
{
    public const string Prefix = "/mde";
    private const string AlertsPath = Prefix + "/api/alerts";
    private const string IncidentsPath = Prefix + "/api/incidents";

    private readonly AccessTokenValidator alertTokens;
    private readonly AccessTokenValidator incidentTokens;
    private readonly GraphAlertStore store;
    private readonly FaultQueue faults;
    private readonly TimeProvider clock;
    private readonly RateLimiter limits;
    private readonly IncidentChangeStore incidentChanges;
    private readonly XdrIncidentUpdates incidentUpdates;
    private readonly object sortedGate = new();
    private List<MdeAlertView>? sortedAlerts;
    private (int Count, int Version) sortedKey;

    /// <summary>The names under which the call limits of the two APIs are kept in the <see cref="RateLimiter"/>.</summary>
    public const string AlertsLimitName = "MdeAlerts";

    public const string IncidentsLimitName = "XdrIncidents";

    public MdeEndpoints(AccessTokenValidator alertTokens, AccessTokenValidator incidentTokens, GraphAlertStore store, FaultQueue faults, TimeProvider clock, RateLimiter limits, IncidentChangeStore incidentChanges)
    {
        this.incidentChanges = incidentChanges;
        incidentUpdates = new XdrIncidentUpdates(store, incidentChanges, () => Now);
        this.alertTokens = alertTokens;
        this.incidentTokens = incidentTokens;
        this.store = store;
        this.faults = faults;
        this.clock = clock;
        this.limits = limits;
    }

    /// <summary>$orderby is accepted and ignored: pages come newest first (see <see cref="OrderByHandling"/>).</summary>
    public bool IgnoresOrderBy { get; set; }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(AlertsPath, context => Guarded(context, alertTokens, AlertsLimitName, "Alert.ReadWrite.All, Alert.Read.All", ListAlertsAsync));
        routes.MapGet(AlertsPath + "/{id}", context => Guarded(context, alertTokens, AlertsLimitName, "Alert.ReadWrite.All, Alert.Read.All", GetAlertAsync));
        routes.MapPatch(AlertsPath + "/{id}", context => Guarded(context, alertTokens, AlertsLimitName, "Alert.ReadWrite.All", PatchAlertAsync));
        routes.MapGet(IncidentsPath, context => Guarded(context, incidentTokens, IncidentsLimitName, "Incident.ReadWrite.All, Incident.Read.All", ListIncidentsAsync));
        routes.MapGet(IncidentsPath + "/{id}", context => Guarded(context, incidentTokens, IncidentsLimitName, "Incident.ReadWrite.All, Incident.Read.All", GetIncidentAsync));
        routes.MapPatch(IncidentsPath + "/{id}", context => Guarded(context, incidentTokens, IncidentsLimitName, "Incident.ReadWrite.All", request =>
            incidentUpdates.PatchAsync(request, (response, incident) => JsonResponse.WriteAsync(response, StatusCodes.Status200OK, writer => MdeJsonWriter.WriteIncident(writer, new MdeIncidentView(incident))))));
    }

    private async Task Guarded(HttpContext context, AccessTokenValidator validator, string limitName, string roles, Func<HttpContext, Task> handle)
    {
        SimulatedFault? fault = faults.TakeNext(FaultTarget.DefenderApi, context.Request.Path + Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""));
        if (fault is not null && await FaultResponder.AnswerAsync(context, fault).ConfigureAwait(false))
        {
            return;
        }

        TokenCheck token = validator.Check(context.Request.Headers.Authorization.ToString());
        if (token.Outcome == TokenOutcome.Forbidden)
        {
            await SiemError.Forbidden($"The application does not have any of the required application permissions ({roles}) to access the resource.").WriteAsync(context).ConfigureAwait(false);
            return;
        }

        if (token.Outcome != TokenOutcome.Valid)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await SiemError.Unauthorized(token.Message).WriteAsync(context).ConfigureAwait(false);
            return;
        }

        if (!limits.TryAcquire(limitName, out TimeSpan wait, out string limit))
        {
            int seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await new SiemError(StatusCodes.Status429TooManyRequests, "TooManyRequests", $"API calls quota exceeded! {limit} Try again in {seconds} seconds.").WriteAsync(context).ConfigureAwait(false);
            return;
        }

        await FaultResponder.HandleThenAnswerAsync(context, fault, handle).ConfigureAwait(false);
    }

    private IEnumerable<MdeAlertView> Alerts() => store.Visible(Now).Select(alert => new MdeAlertView(alert));

    /// <summary>
    /// Every visible alert in the default order, sorted once per state of the store (alerts visible, updates made):
    /// a 30,000-alert pull asks for the same order a few hundred times.
    /// </summary>
    private List<MdeAlertView> NewestFirstAlerts()
    {
        IReadOnlyList<GraphAlertRecord> visible = store.Visible(Now);
        var key = (visible.Count, store.Version);
        lock (sortedGate)
        {
            if (sortedAlerts is null || sortedKey != key)
            {
                var views = visible.Select(alert => new MdeAlertView(alert)).ToList();
                views.Sort(NewestFirst);
                (sortedAlerts, sortedKey) = (views, key);
            }

            return sortedAlerts;
        }
    }

    private Task ListAlertsAsync(HttpContext context)
    {
        if (!GraphQueryOptions<MdeAlertView>.TryParse(context.Request.Query, MdeSchemas.Alerts, out var options, out string error) || options is null)
        {
            return SiemError.BadRequest(error).WriteAsync(context);
        }

        List<MdeAlertView> page = context.Request.Query.ContainsKey("$orderby") && !IgnoresOrderBy
            ? Page(options, Alerts(), options.Order)
            : Page(options, NewestFirstAlerts(), null);
        bool withEvidence = options.Expand is not null;
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", "https://api.security.microsoft.com/api/$metadata#Alerts");
            writer.WriteStartArray("value");
            foreach (MdeAlertView alert in page)
            {
                MdeJsonWriter.WriteAlert(writer, alert, withEvidence);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private Task GetAlertAsync(HttpContext context)
    {
        GraphAlertRecord? alert = store.Find(RouteId(context), Now);
        bool withEvidence = string.Equals(context.Request.Query["$expand"].ToString(), "evidence", StringComparison.OrdinalIgnoreCase);
        return alert is null
            ? new SiemError(StatusCodes.Status404NotFound, "NotFound", $"Alert '{RouteId(context)}' was not found.").WriteAsync(context)
            : WriteAlertAsync(context, new MdeAlertView(alert), withEvidence);
    }

    private async Task PatchAlertAsync(HttpContext context)
    {
        GraphAlertRecord? alert = store.Find(RouteId(context), Now);
        if (alert is null)
        {
            await new SiemError(StatusCodes.Status404NotFound, "NotFound", $"Alert '{RouteId(context)}' was not found.").WriteAsync(context).ConfigureAwait(false);
            return;
        }

        Dictionary<string, string?> changes;
        try
        {
            using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            changes = body.RootElement.EnumerateObject().ToDictionary(
                property => property.Name, property => property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetString(), StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            await SiemError.BadRequest("The request body is not a valid JSON object of string properties.").WriteAsync(context).ConfigureAwait(false);
            return;
        }

        // The documented updatable properties; values in the MDE API's spelling, stored in Graph's.
        var graphValues = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach ((string name, string? value) in changes)
        {
            string? error = name.ToLowerInvariant() switch
            {
                "status" => Translate(MdeWireValues.Status, "status", value, graphValues),
                "classification" => Translate(MdeWireValues.Classification, "classification", value, graphValues),
                "determination" => Translate(MdeWireValues.Determination, "determination", value, graphValues),
                "assignedto" => Keep("assignedTo", value, graphValues),
                "comment" => Keep("comment", value, graphValues),
                _ => $"The property '{name}' cannot be updated.",
            };
            if (error is not null)
            {
                await SiemError.BadRequest(error).WriteAsync(context).ConfigureAwait(false);
                return;
            }
        }

        DateTime now = Now;
        GraphAlertRecord updated = store.Update(alert, copy =>
        {
            copy.Status = graphValues.GetValueOrDefault("status") ?? copy.Status;
            copy.Classification = graphValues.GetValueOrDefault("classification") ?? copy.Classification;
            copy.Determination = graphValues.GetValueOrDefault("determination") ?? copy.Determination;
            if (graphValues.TryGetValue("assignedTo", out string? owner))
            {
                copy.AssignedTo = string.IsNullOrEmpty(owner) ? null : owner;
            }

            if (graphValues.GetValueOrDefault("comment") is { Length: > 0 } comment)
            {
                copy.Comments.Add(new GraphCommentRecord(comment, "Automation", now));
            }

            copy.ResolvedDateTime = copy.Status == "resolved" ? copy.ResolvedDateTime ?? now : null;
            copy.LastUpdateDateTime = now;
        });
        await WriteAlertAsync(context, new MdeAlertView(updated), withEvidence: false).ConfigureAwait(false);
    }

    private static string? Translate(IReadOnlyDictionary<string, string> table, string name, string? value, Dictionary<string, string?> into)
    {
        string? graph = value is null ? null : MdeWireValues.ToGraph(table, value);
        if (graph is null)
        {
            return $"Invalid value '{value}' for property '{name}'. Valid values: {string.Join(", ", table.Values)}.";
        }

        into[name] = graph;
        return null;
    }

    private static string? Keep(string name, string? value, Dictionary<string, string?> into)
    {
        into[name] = value;
        return null;
    }

    private Task ListIncidentsAsync(HttpContext context)
    {
        if (!GraphQueryOptions<MdeIncidentView>.TryParse(context.Request.Query, MdeSchemas.Incidents, out var options, out string error) || options is null)
        {
            return SiemError.BadRequest(error).WriteAsync(context);
        }

        var incidents = incidentChanges.Incidents(store.Visible(Now), expandAlerts: true).Select(incident => new MdeIncidentView(incident));
        List<MdeIncidentView> page = Page(options, incidents, context.Request.Query.ContainsKey("$orderby") && !IgnoresOrderBy ? options.Order : NewestIncidentFirst);
        return JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", "https://api.security.microsoft.com/api/$metadata#Incidents");
            writer.WriteStartArray("value");
            foreach (MdeIncidentView incident in page)
            {
                MdeJsonWriter.WriteIncident(writer, incident);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private Task GetIncidentAsync(HttpContext context)
    {
        GraphIncidentRecord? incident = incidentChanges.Find(store.Visible(Now), RouteId(context), expandAlerts: true);
        return incident is null
            ? new SiemError(StatusCodes.Status404NotFound, "NotFound", $"Incident '{RouteId(context)}' was not found.").WriteAsync(context)
            : JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => MdeJsonWriter.WriteIncident(writer, new MdeIncidentView(incident)));
    }

    /// <summary>The service's default order, compared without the generic key functions: a 30,000-alert tenant sorts each request.</summary>
    private static int NewestFirst(MdeAlertView left, MdeAlertView right)
    {
        int byTime = right.Graph.CreatedDateTime.CompareTo(left.Graph.CreatedDateTime);
        return byTime != 0 ? byTime : string.CompareOrdinal(left.Id, right.Id);
    }

    private static int NewestIncidentFirst(MdeIncidentView left, MdeIncidentView right)
    {
        int byTime = right.Graph.CreatedDateTime.CompareTo(left.Graph.CreatedDateTime);
        return byTime != 0 ? byTime : left.IncidentId.CompareTo(right.IncidentId);
    }

    /// <summary>$filter, then the order ($orderby's, or the default), then $skip and $top; no next link, as the service gives none with $top.</summary>
    private static List<T> Page<T>(GraphQueryOptions<T> options, IEnumerable<T> items, Comparison<T>? order)
    {
        // Where keeps the order of items already sorted (order null).
        var matching = items.Where(options.Filter).ToList();
        if (order is not null)
        {
            matching.Sort(order);
        }

        return matching.Skip(options.Offset).Take(options.Top).ToList();
    }

    private static Task WriteAlertAsync(HttpContext context, MdeAlertView alert, bool withEvidence) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer => MdeJsonWriter.WriteAlert(writer, alert, withEvidence));

    private static string RouteId(HttpContext context) => context.Request.RouteValues["id"]?.ToString() ?? "";
}
