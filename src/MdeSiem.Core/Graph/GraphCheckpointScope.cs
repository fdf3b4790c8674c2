using System;
using System.Globalization;
using System.Linq;
using MdeSiem.Core.Checkpoints;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Checkpointed pulls of Graph alerts and incidents. The watermark is on lastUpdateDateTime, the property Graph
/// filters and orders by, and a delivered record is keyed by its id and that time: an alert changed after it was
/// delivered (status, classification, a comment) is delivered once more, as an update, and only once.
/// </summary>
public static class GraphCheckpointScope
{
    public const string AlertsApi = CheckpointApiNames.GraphAlerts;

    public const string IncidentsApi = CheckpointApiNames.GraphIncidents;

    /// <summary>The scope of an alerts pull: its filters. The caller leaves the time bounds out; they are the run's.</summary>
    public static CheckpointScope<DefenderAlert> ForAlerts(GraphAlertQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var detectionSources = string.Join(",", query.DetectionSources.Select(source => GraphEnum.ToWire(source)).OrderBy(source => source, StringComparer.Ordinal));
        var description = $"filter={query.BuildFilter()};detectionsources={detectionSources}";
        return new CheckpointScope<DefenderAlert>(AlertsApi, description, alert => KeyOf(alert.Id, alert.LastUpdateDateTime), alert => alert.LastUpdateDateTime);
    }

    /// <summary>The scope of an incidents pull; whether alerts are expanded does not change which incidents come.</summary>
    public static CheckpointScope<DefenderIncident> ForIncidents(GraphIncidentQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var description = $"filter={query.BuildFilter()}";
        return new CheckpointScope<DefenderIncident>(IncidentsApi, description, incident => KeyOf(incident.Id, incident.LastUpdateDateTime), incident => incident.LastUpdateDateTime);
    }

    /// <summary>id|lastUpdateDateTime (UTC, 100 ns), the identity of one version of a record.</summary>
    public static string KeyOf(string? id, DateTime? lastUpdateDateTime) =>
        (id ?? string.Empty) + "|" + (lastUpdateDateTime is { } time
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)
            : string.Empty);
}
