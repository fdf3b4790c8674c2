using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator.Graph;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Incidents;

/// <summary>
/// Graph's PATCH /security/incidents/{id} (https://learn.microsoft.com/en-us/graph/api/security-incident-update) and
/// POST /security/incidents/{id}/comments (https://learn.microsoft.com/en-us/graph/api/security-incident-post-comments).
/// The updatable properties are assignedTo, classification, determination, status and customTags; any other
/// incident property is read-only and any other name is not a property: both answer 400, as does an enum member
/// the service does not know. The reference's own example sends "TruePositive", so members are matched without
/// regard to case and kept in Graph's camelCase.
/// </summary>
internal sealed class GraphIncidentUpdates
{
    private static readonly IReadOnlyDictionary<string, string[]> Members = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // incidentStatus: the update page lists active, resolved, redirected; the resource adds inProgress and
        // (after unknownFutureValue) awaitingAction.
        ["status"] = ["active", "resolved", "inProgress", "redirected", "awaitingAction"],
        ["classification"] = ["unknown", "falsePositive", "truePositive", "informationalExpectedActivity"],
        // The update page says compromisedUser where the alert resource says compromisedAccount, and the v1.0
        // metadata has confirmedActivity where older pages say confirmedUserActivity: both spellings are accepted.
        ["determination"] =
        [
            "unknown", "apt", "malware", "securityPersonnel", "securityTesting", "unwantedSoftware", "other", "multiStagedAttack",
            "compromisedAccount", "compromisedUser", "phishing", "maliciousUserActivity", "notMalicious", "notEnoughDataToValidate",
            "confirmedUserActivity", "confirmedActivity", "lineOfBusinessApplication",
        ],
    };

    private static readonly HashSet<string> ReadOnlyProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "tenantId", "incidentWebUrl", "redirectIncidentId", "displayName", "createdDateTime", "lastUpdateDateTime",
        "severity", "systemTags", "comments", "description", "summary", "resolvingComment", "lastModifiedBy", "alerts",
    };

    private readonly GraphAlertStore store;
    private readonly IncidentChangeStore changes;
    private readonly Func<DateTime> now;

    public GraphIncidentUpdates(GraphAlertStore store, IncidentChangeStore changes, Func<DateTime> now)
    {
        this.store = store;
        this.changes = changes;
        this.now = now;
    }

    public async Task PatchAsync(HttpContext context, Func<HttpContext, GraphIncidentRecord, Task> writeIncident)
    {
        string id = RouteId(context);
        if (Find(id) is null)
        {
            await GraphError.NotFound($"Incident '{id}' was not found.").WriteAsync(context, now()).ConfigureAwait(false);
            return;
        }

        JsonElement body;
        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            await GraphError.BadRequest("The request body is not valid JSON.").WriteAsync(context, now()).ConfigureAwait(false);
            return;
        }

        string? error = body.ValueKind == JsonValueKind.Object ? Check(body) : "The request body must be a JSON object.";
        if (error is not null)
        {
            await GraphError.BadRequest(error).WriteAsync(context, now()).ConfigureAwait(false);
            return;
        }

        changes.Change(id, now(), change =>
        {
            foreach (JsonProperty property in body.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "status": change.Status = Canonical("status", property.Value.GetString()); break;
                    case "classification": change.Classification = Canonical("classification", property.Value.GetString()); break;
                    case "determination": change.Determination = Canonical("determination", property.Value.GetString()); break;
                    case "assignedTo":
                        change.OwnerChanged = true;
                        change.AssignedTo = property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 } owner ? owner : null;
                        break;
                    case "customTags": change.CustomTags = property.Value.EnumerateArray().Select(tag => tag.GetString()!).ToList(); break;
                }
            }
        });
        await writeIncident(context, Find(id)!).ConfigureAwait(false);
    }

    public async Task AddCommentAsync(HttpContext context, Func<HttpContext, IReadOnlyList<GraphCommentRecord>, Task> writeComments)
    {
        string id = RouteId(context);
        if (Find(id) is null)
        {
            await GraphError.NotFound($"Incident '{id}' was not found.").WriteAsync(context, now()).ConfigureAwait(false);
            return;
        }

        string? comment;
        try
        {
            using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            comment = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("comment", out JsonElement text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
        }
        catch (JsonException)
        {
            comment = null;
        }

        if (string.IsNullOrEmpty(comment))
        {
            await GraphError.BadRequest("The comment property is required.").WriteAsync(context, now()).ConfigureAwait(false);
            return;
        }

        DateTime time = now();
        changes.Change(id, time, change => change.Comments.Add(new GraphCommentRecord(comment, "Automation", time)));
        // The answer is the incident's whole comment list.
        await writeComments(context, Find(id)!.Comments).ConfigureAwait(false);
    }

    /// <summary>The first thing wrong with a PATCH body, or null.</summary>
    private static string? Check(JsonElement body)
    {
        foreach (JsonProperty property in body.EnumerateObject())
        {
            string name = property.Name;
            JsonElement value = property.Value;
            if (Members.ContainsKey(name))
            {
                if (value.ValueKind != JsonValueKind.String || Canonical(name, value.GetString()) is null)
                {
                    return $"Invalid value '{value}' for property '{name}' of type microsoft.graph.security.incident. Valid values: {string.Join(", ", Members[name])}.";
                }
            }
            else if (name == "assignedTo")
            {
                if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return "The property 'assignedTo' must be a string or null.";
                }
            }
            else if (name == "customTags")
            {
                if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(tag => tag.ValueKind != JsonValueKind.String))
                {
                    return "The property 'customTags' must be an array of strings.";
                }
            }
            else if (name == "@odata.type")
            {
                continue;
            }
            else
            {
                return ReadOnlyProperties.Contains(name)
                    ? $"The property '{name}' is read-only and cannot be updated."
                    : $"The property '{name}' does not exist on type 'microsoft.graph.security.incident'.";
            }
        }

        return null;
    }

    private static string? Canonical(string property, string? value) =>
        value is null ? null : Members[property].FirstOrDefault(member => string.Equals(member, value, StringComparison.OrdinalIgnoreCase));

    private GraphIncidentRecord? Find(string id) => changes.Find(store.Visible(now()), id, expandAlerts: false);

    private static string RouteId(HttpContext context) => context.Request.RouteValues["id"]?.ToString() ?? "";
}
