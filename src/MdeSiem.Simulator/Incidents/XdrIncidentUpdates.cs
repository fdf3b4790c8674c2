using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator.Graph;
using MdeSiem.Simulator.Siem;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Incidents;

/// <summary>
/// The Defender XDR Update incidents API, PATCH /api/incidents/{id}
/// (https://learn.microsoft.com/en-us/defender-xdr/api-update-incidents): status, assignedTo, classification,
/// determination, tags and comment in one body; any other property answers 400, as does an unknown member. A
/// determination must be one listed for the classification (the request's, or the incident's when the request
/// has none); without a classification it is refused, as the page says it can be set only with one.
/// </summary>
internal sealed class XdrIncidentUpdates
{
    private readonly GraphAlertStore store;
    private readonly IncidentChangeStore changes;
    private readonly Func<DateTime> now;

    public XdrIncidentUpdates(GraphAlertStore store, IncidentChangeStore changes, Func<DateTime> now)
    {
        this.store = store;
        this.changes = changes;
        this.now = now;
    }

    public async Task PatchAsync(HttpContext context, Func<HttpContext, GraphIncidentRecord, Task> writeIncident)
    {
        string id = context.Request.RouteValues["id"]?.ToString() ?? "";
        GraphIncidentRecord? incident = Find(id);
        if (incident is null)
        {
            await new SiemError(StatusCodes.Status404NotFound, "NotFound", $"Incident '{id}' was not found.").WriteAsync(context).ConfigureAwait(false);
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
            await SiemError.BadRequest("The request body is not valid JSON.").WriteAsync(context).ConfigureAwait(false);
            return;
        }

        var update = new IncidentChange();
        string? comment = null;
        string? error = body.ValueKind == JsonValueKind.Object ? null : "The request body must be a JSON object.";
        string? determination = null;
        foreach (JsonProperty property in body.ValueKind == JsonValueKind.Object ? body.EnumerateObject() : Enumerable.Empty<JsonProperty>())
        {
            JsonElement value = property.Value;
            string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            error ??= property.Name.ToLowerInvariant() switch
            {
                "status" => Member(XdrIncidentValues.Status, "status", text, member => update.Status = member),
                "classification" => Member(XdrIncidentValues.Classification, "classification", text, member => update.Classification = member),
                "determination" => text is null ? "Invalid value for property 'determination'." : Keep(() => determination = text),
                "assignedto" => value.ValueKind is JsonValueKind.String or JsonValueKind.Null
                    ? Keep(() => (update.OwnerChanged, update.AssignedTo) = (true, string.IsNullOrEmpty(text) ? null : text))
                    : "The property 'assignedTo' must be a string.",
                "tags" => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(tag => tag.ValueKind == JsonValueKind.String)
                    ? Keep(() => update.CustomTags = value.EnumerateArray().Select(tag => tag.GetString()!).ToList())
                    : "The property 'tags' must be an array of strings.",
                "comment" => value.ValueKind is JsonValueKind.String or JsonValueKind.Null ? Keep(() => comment = text) : "The property 'comment' must be a string.",
                _ => $"The property '{property.Name}' cannot be updated. Updatable properties: status, assignedTo, classification, determination, tags, comment.",
            };
        }

        if (error is null && determination is not null)
        {
            string? classification = XdrIncidentValues.ToXdr(XdrIncidentValues.Classification, update.Classification ?? incident.Classification);
            update.Determination = classification is null ? null : XdrIncidentValues.ToGraph(XdrIncidentValues.DeterminationByClassification[classification], determination);
            if (update.Determination is null)
            {
                error = classification is null
                    ? "The determination can be set only together with a classification."
                    : $"Invalid value '{determination}' for property 'determination' with classification {classification}. Valid values: {string.Join(", ", XdrIncidentValues.DeterminationByClassification[classification].Values)}.";
            }
        }

        if (error is not null)
        {
            await SiemError.BadRequest(error).WriteAsync(context).ConfigureAwait(false);
            return;
        }

        DateTime time = now();
        changes.Change(id, time, change =>
        {
            change.Status = update.Status ?? change.Status;
            change.Classification = update.Classification ?? change.Classification;
            change.Determination = update.Determination ?? change.Determination;
            if (update.OwnerChanged)
            {
                (change.OwnerChanged, change.AssignedTo) = (true, update.AssignedTo);
            }

            change.CustomTags = update.CustomTags ?? change.CustomTags;
            if (!string.IsNullOrEmpty(comment))
            {
                change.Comments.Add(new GraphCommentRecord(comment, "Automation", time));
            }
        });
        await writeIncident(context, Find(id)!).ConfigureAwait(false);
    }

    private static string? Member(IReadOnlyDictionary<string, string> table, string name, string? value, Action<string> set)
    {
        string? graph = value is null ? null : XdrIncidentValues.ToGraph(table, value);
        if (graph is null)
        {
            return $"Invalid value '{value}' for property '{name}'. Valid values: {string.Join(", ", table.Values)}.";
        }

        set(graph);
        return null;
    }

    private static string? Keep(Action set)
    {
        set();
        return null;
    }

    private GraphIncidentRecord? Find(string id) => changes.Find(store.Visible(now()), id, expandAlerts: true);
}
