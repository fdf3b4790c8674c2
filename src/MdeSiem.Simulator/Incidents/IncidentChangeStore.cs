using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Simulator.Graph;

namespace MdeSiem.Simulator.Incidents;

/// <summary>
/// The incident changes made through PATCH /security/incidents/{id}, POST .../comments and the Defender XDR
/// PATCH /api/incidents/{id}, kept per incident id and laid over the incidents grouped from alerts, so the two
/// APIs show the same incident.
/// </summary>
internal sealed class IncidentChangeStore
{
    private readonly ConcurrentDictionary<string, IncidentChange> changes = new(StringComparer.Ordinal);
    private readonly object gate = new();

    /// <summary>The incidents of the visible alerts, with the changes made to them.</summary>
    public IEnumerable<GraphIncidentRecord> Incidents(IEnumerable<GraphAlertRecord> alerts, bool expandAlerts) =>
        GraphIncidentRecord.FromAlerts(alerts, expandAlerts).Select(Apply);

    public GraphIncidentRecord? Find(IEnumerable<GraphAlertRecord> alerts, string id, bool expandAlerts) =>
        Incidents(alerts, expandAlerts).FirstOrDefault(incident => incident.Id == id);

    /// <summary>Records a change to an incident at <paramref name="nowUtc"/>.</summary>
    public void Change(string id, DateTime nowUtc, Action<IncidentChange> change)
    {
        lock (gate)
        {
            IncidentChange next = changes.TryGetValue(id, out IncidentChange? current) ? current.Clone() : new IncidentChange();
            change(next);
            next.LastUpdateDateTime = nowUtc;
            changes[id] = next;
        }
    }

    private GraphIncidentRecord Apply(GraphIncidentRecord incident)
    {
        if (!changes.TryGetValue(incident.Id, out IncidentChange? change))
        {
            return incident;
        }

        incident.Status = change.Status ?? incident.Status;
        incident.AssignedTo = change.OwnerChanged ? change.AssignedTo : incident.AssignedTo;
        incident.Classification = change.Classification ?? incident.Classification;
        incident.Determination = change.Determination ?? incident.Determination;
        incident.CustomTags = change.CustomTags is null ? incident.CustomTags : [.. change.CustomTags];
        incident.Comments = [.. incident.Comments, .. change.Comments];
        if (change.LastUpdateDateTime > incident.LastUpdateDateTime)
        {
            incident.LastUpdateDateTime = change.LastUpdateDateTime;
        }

        return incident;
    }
}
