using System;
using System.Globalization;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Graph;

namespace MdeSiem.Core.Mde;

/// <summary>
/// Checkpointed pulls of the Defender for Endpoint alerts API and the Defender XDR incidents API. The watermark is
/// on lastUpdateTime, the property both filter by, and a delivered record is keyed by its id and that time, as for
/// Graph: an alert or incident changed after it was delivered comes once more, as an update, and only once.
/// </summary>
public static class MdeCheckpointScope
{
    public const string AlertsApi = CheckpointApiNames.MdeAlerts;

    public const string IncidentsApi = CheckpointApiNames.XdrIncidents;

    /// <summary>The property both APIs filter and order by, on which the watermark is.</summary>
    public const string WatermarkProperty = "lastUpdateTime";

    /// <summary>The scope of an alerts pull: its $filter. The caller leaves the lastUpdateTime bounds out; they are the run's.</summary>
    public static CheckpointScope<MdeAlert> ForAlerts(MdeAlertQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        // Evidence, page size and the regional host change how alerts come, not which.
        return new CheckpointScope<MdeAlert>(AlertsApi, "filter=" + query.BuildFilter(), KeyOf, alert => alert.LastUpdateTime);
    }

    /// <summary>The scope of an incidents pull: its $filter, without the lastUpdateTime bounds.</summary>
    public static CheckpointScope<MdeIncident> ForIncidents(MdeIncidentQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        return new CheckpointScope<MdeIncident>(IncidentsApi, "filter=" + query.BuildFilter(), KeyOf, incident => incident.LastUpdateTime);
    }

    /// <summary>id|lastUpdateTime, the identity of one version of an alert.</summary>
    public static string KeyOf(MdeAlert alert) =>
        alert is null ? throw new ArgumentNullException(nameof(alert)) : GraphCheckpointScope.KeyOf(alert.Id, alert.LastUpdateTime);

    /// <summary>incidentId|lastUpdateTime, the identity of one version of an incident.</summary>
    public static string KeyOf(MdeIncident incident) =>
        incident is null
            ? throw new ArgumentNullException(nameof(incident))
            : GraphCheckpointScope.KeyOf(incident.IncidentId?.ToString(CultureInfo.InvariantCulture), incident.LastUpdateTime);
}
