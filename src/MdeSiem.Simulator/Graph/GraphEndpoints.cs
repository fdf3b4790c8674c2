using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator.Hosting;
using MdeSiem.Simulator.Hunting;
using MdeSiem.Simulator.Identity;
using MdeSiem.Simulator.Incidents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace MdeSiem.Simulator.Graph;

/// <summary>
/// Microsoft Graph's security API v1.0: GET/PATCH /security/alerts_v2[/{id}], POST .../comments,
/// GET /security/incidents[/{id}], PATCH /security/incidents/{id} and POST .../comments (<see cref="GraphIncidentUpdates"/>). Tokens must be for https://graph.microsoft.com; faults with target GraphApi
/// answer first, as a gateway would.
/// </summary>
internal sealed class GraphEndpoints
{
    private const string AlertsPath = "/v1.0/security/alerts_v2";
    private const string IncidentsPath = "/v1.0/security/incidents";

    /// <summary>The name the Graph security API's limit is kept under in the <see cref="RateLimiter"/>.</summary>
    public const string RateLimitName = "GraphSecurity";

    /// <summary>Microsoft Graph's security API allows 150 requests per minute per tenant and application.</summary>
    public const int RequestsPerWindow = 150;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly AccessTokenValidator validator;
    private readonly GraphAlertStore store;
    private readonly FaultQueue faults;
    private readonly TimeProvider clock;
    private readonly RateLimiter limiter;
    private readonly IncidentChangeStore incidentChanges;
    private readonly GraphIncidentUpdates incidentUpdates;
    private readonly HuntingEndpoint hunting;

    public GraphEndpoints(AccessTokenValidator validator, GraphAlertStore store, FaultQueue faults, TimeProvider clock, RateLimiter limiter, IncidentChangeStore incidentChanges, HuntingEndpoint hunting)
    {
        this.hunting = hunting;
        this.incidentChanges = incidentChanges;
        incidentUpdates = new GraphIncidentUpdates(store, incidentChanges, () => Now);
        this.limiter = limiter;
        this.validator = validator;
        this.store = store;
        this.faults = faults;
        this.clock = clock;
    }

    /// <summary>$orderby is accepted and ignored: pages come newest first (see <see cref="OrderByHandling"/>).</summary>
    public bool IgnoresOrderBy { get; set; }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet(AlertsPath, context => Guarded(context, "SecurityAlert.Read.All", ListAlertsAsync));
        routes.MapGet(AlertsPath + "/{id}", context => Guarded(context, "SecurityAlert.Read.All", GetAlertAsync));
        routes.MapPatch(AlertsPath + "/{id}", context => Guarded(context, "SecurityAlert.ReadWrite.All", PatchAlertAsync));
        routes.MapPost(AlertsPath + "/{id}/comments", context => Guarded(context, "SecurityAlert.ReadWrite.All", AddCommentAsync));
        routes.MapGet(IncidentsPath, context => Guarded(context, "SecurityIncident.Read.All", ListIncidentsAsync));
        routes.MapGet(IncidentsPath + "/{id}", context => Guarded(context, "SecurityIncident.Read.All", GetIncidentAsync));
        routes.MapPatch(IncidentsPath + "/{id}", context => Guarded(context, "SecurityIncident.ReadWrite.All", request =>
            incidentUpdates.PatchAsync(request, (response, incident) => WriteEntityAsync(response, "security/incidents/$entity", incident))));
        routes.MapPost(IncidentsPath + "/{id}/comments", context => Guarded(context, "SecurityIncident.ReadWrite.All", request =>
            incidentUpdates.AddCommentAsync(request, (response, comments) => WriteCollectionAsync(response, "security/incidents('" + RouteId(response) + "')/comments", comments, null))));
        routes.MapPost(HuntingEndpoint.Path, context => Guarded(context, "ThreatHunting.Read.All", hunting.RunAsync, HuntingEndpoint.RateLimitName));
    }

    private async Task Guarded(HttpContext context, string role, Func<HttpContext, Task> handle, string limitName = RateLimitName)
    {
        SimulatedFault? fault = faults.TakeNext(FaultTarget.GraphApi, context.Request.Path + Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""));
        if (fault is not null && await FaultResponder.AnswerAsync(context, fault).ConfigureAwait(false))
        {
            return;
        }

        if (fault is not null)
        {
            // Faults that shape a collection page (206, truncated JSON) are applied when the page is written.
            context.Items[typeof(SimulatedFault)] = fault;
        }

        if (!limiter.TryAcquire(limitName, out TimeSpan retryAfter))
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await new GraphError(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests; the application has exceeded its request limit.")
                .WriteAsync(context, Now).ConfigureAwait(false);
            return;
        }

        TokenCheck token = validator.Check(context.Request.Headers.Authorization.ToString());
        if (token.Outcome == TokenOutcome.Forbidden)
        {
            await new GraphError(StatusCodes.Status403Forbidden, "Forbidden", $"Missing application roles. API required roles: {role}. Application roles: .")
                .WriteAsync(context, Now).ConfigureAwait(false);
            return;
        }

        if (token.Outcome != TokenOutcome.Valid)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await new GraphError(StatusCodes.Status401Unauthorized, "InvalidAuthenticationToken", token.Message).WriteAsync(context, Now).ConfigureAwait(false);
            return;
        }

        await FaultResponder.HandleThenAnswerAsync(context, fault, handle).ConfigureAwait(false);
    }

    private Task ListAlertsAsync(HttpContext context)
    {
        if (!GraphQueryOptions<GraphAlertRecord>.TryParse(context.Request.Query, GraphSchemas.Alerts, out var options, out string error, IgnoresOrderBy) || options is null)
        {
            return GraphError.BadRequest(error).WriteAsync(context, Now);
        }

        (List<GraphAlertRecord> page, bool hasMore) = options.Apply(store.Visible(Now));
        return WriteCollectionAsync(context, "security/alerts_v2", page, hasMore ? NextLink(context, options.Offset + page.Count) : null);
    }

    private Task GetAlertAsync(HttpContext context)
    {
        GraphAlertRecord? alert = store.Find(RouteId(context), Now);
        return alert is null
            ? GraphError.NotFound($"Alert '{RouteId(context)}' was not found.").WriteAsync(context, Now)
            : WriteEntityAsync(context, "security/alerts_v2/$entity", alert);
    }

    private async Task PatchAlertAsync(HttpContext context)
    {
        GraphAlertRecord? alert = store.Find(RouteId(context), Now);
        if (alert is null)
        {
            await GraphError.NotFound($"Alert '{RouteId(context)}' was not found.").WriteAsync(context, Now).ConfigureAwait(false);
            return;
        }

        Dictionary<string, string?> changes;
        try
        {
            using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            changes = body.RootElement.EnumerateObject().ToDictionary(property => property.Name, property => property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetString(), StringComparer.Ordinal);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            await GraphError.BadRequest("The request body is not a valid JSON object of string properties.").WriteAsync(context, Now).ConfigureAwait(false);
            return;
        }

        foreach ((string name, string? value) in changes.ToList())
        {
            string? member = GraphEnumMembers.MemberOf(name, value);
            if (name != "assignedTo" && member is null)
            {
                await GraphError.BadRequest($"Invalid value '{value}' for property '{name}', or the property cannot be updated.").WriteAsync(context, Now).ConfigureAwait(false);
                return;
            }

            changes[name] = name == "assignedTo" ? value : member;
        }

        DateTime now = Now;
        GraphAlertRecord updated = store.Update(alert, copy =>
        {
            copy.Status = changes.GetValueOrDefault("status") ?? copy.Status;
            copy.Classification = changes.GetValueOrDefault("classification") ?? copy.Classification;
            copy.Determination = changes.GetValueOrDefault("determination") ?? copy.Determination;
            if (changes.TryGetValue("assignedTo", out string? owner))
            {
                copy.AssignedTo = string.IsNullOrEmpty(owner) ? null : owner;
            }

            copy.ResolvedDateTime = copy.Status == "resolved" ? copy.ResolvedDateTime ?? now : null;
            copy.LastUpdateDateTime = now;
        });
        await WriteEntityAsync(context, "security/alerts_v2/$entity", updated).ConfigureAwait(false);
    }

    private async Task AddCommentAsync(HttpContext context)
    {
        GraphAlertRecord? alert = store.Find(RouteId(context), Now);
        if (alert is null)
        {
            await GraphError.NotFound($"Alert '{RouteId(context)}' was not found.").WriteAsync(context, Now).ConfigureAwait(false);
            return;
        }

        string? comment;
        try
        {
            using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            comment = body.RootElement.TryGetProperty("comment", out JsonElement text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        }
        catch (JsonException)
        {
            comment = null;
        }

        if (string.IsNullOrEmpty(comment))
        {
            await GraphError.BadRequest("The comment property is required.").WriteAsync(context, Now).ConfigureAwait(false);
            return;
        }

        DateTime now = Now;
        GraphAlertRecord updated = store.Update(alert, copy =>
        {
            copy.Comments.Add(new GraphCommentRecord(comment, "Automation", now));
            copy.LastUpdateDateTime = now;
        });
        await WriteCollectionAsync(context, "security/alerts_v2('" + updated.Id + "')/comments", updated.Comments, null).ConfigureAwait(false);
    }

    private Task ListIncidentsAsync(HttpContext context)
    {
        if (!GraphQueryOptions<GraphIncidentRecord>.TryParse(context.Request.Query, GraphSchemas.Incidents, out var options, out string error, IgnoresOrderBy) || options is null)
        {
            return GraphError.BadRequest(error).WriteAsync(context, Now);
        }

        var incidents = incidentChanges.Incidents(store.Visible(Now), options.Expand is not null);
        (List<GraphIncidentRecord> page, bool hasMore) = options.Apply(incidents);
        return WriteCollectionAsync(context, "security/incidents", page, hasMore ? NextLink(context, options.Offset + page.Count) : null);
    }

    private Task GetIncidentAsync(HttpContext context)
    {
        bool expand = string.Equals(context.Request.Query["$expand"].ToString(), "alerts", StringComparison.OrdinalIgnoreCase);
        GraphIncidentRecord? incident = incidentChanges.Find(store.Visible(Now), RouteId(context), expand);
        return incident is null
            ? GraphError.NotFound($"Incident '{RouteId(context)}' was not found.").WriteAsync(context, Now)
            : WriteEntityAsync(context, "security/incidents/$entity", incident);
    }

    private static string RouteId(HttpContext context) => context.Request.RouteValues["id"]?.ToString() ?? "";

    /// <summary>The same request with $skiptoken set to the next page's offset, as an absolute URI.</summary>
    private static string NextLink(HttpContext context, int offset)
    {
        var query = context.Request.Query
            .Where(pair => pair.Key != "$skiptoken" && pair.Key != "$skip")
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        query["$skiptoken"] = new StringValues(offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string root = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}";
        return QueryHelpers.AddQueryString(root, query);
    }

    private static Task WriteCollectionAsync<T>(HttpContext context, string contextPath, IReadOnlyList<T> items, string? nextLink) =>
        GraphPageFaults.WriteAsync(context, context.Items[typeof(SimulatedFault)] as SimulatedFault, items, (page, status) => JsonResponse.WriteAsync(context, status, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#" + contextPath);
            if (nextLink is not null)
            {
                writer.WriteString("@odata.nextLink", nextLink);
            }

            writer.WritePropertyName("value");
            JsonSerializer.Serialize(writer, page, Json);
            writer.WriteEndObject();
        }));

    private static Task WriteEntityAsync<T>(HttpContext context, string contextPath, T entity) =>
        JsonResponse.WriteAsync(context, StatusCodes.Status200OK, writer =>
        {
            using JsonDocument document = JsonSerializer.SerializeToDocument(entity, Json);
            writer.WriteStartObject();
            writer.WriteString("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#" + contextPath);
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        });
}
