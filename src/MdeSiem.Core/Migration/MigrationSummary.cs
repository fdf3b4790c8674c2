using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Migration;

/// <summary>
/// The counts of one comparison of the SIEM API with Graph alerts over a window: what pairs, what only one side has
/// and why where that can be told, and what Graph gives that the SIEM API never did.
/// </summary>
public sealed class MigrationSummary
{
    public DateTime SinceTimeUtc { get; internal set; }

    public DateTime UntilTimeUtc { get; internal set; }

    public string[] MachineGroups { get; internal set; } = Array.Empty<string>();

    /// <summary>Records the SIEM API returned (one per alert part).</summary>
    public int SiemRecords { get; internal set; }

    /// <summary>Distinct alerts among those records.</summary>
    public int SiemAlerts { get; internal set; }

    /// <summary>Graph alerts created in the window that the SIEM query's filters would cover (any service source).</summary>
    public int GraphAlerts { get; internal set; }

    /// <summary>Alerts both APIs returned (SIEM AlertId = Graph id).</summary>
    public int Paired { get; internal set; }

    public int OnlyInSiem { get; internal set; }

    /// <summary>Only in the SIEM API because the alert was created before or after the window (Graph selects by createdDateTime, the SIEM API by LastProcessedTimeUtc).</summary>
    public int OnlyInSiemCreatedOutsideWindow { get; internal set; }

    /// <summary>Only in the SIEM API because Graph's copy names no device group, so a machine-group filter cannot select it.</summary>
    public int OnlyInSiemMachineGroupUnknownInGraph { get; internal set; }

    /// <summary>Only in the SIEM API, for no reason the comparison can see.</summary>
    public int OnlyInSiemUnexplained { get; internal set; }

    public int OnlyInGraph { get; internal set; }

    /// <summary>Only in Graph because it comes from another product (serviceSource other than microsoftDefenderForEndpoint).</summary>
    public int OnlyInGraphOtherServiceSource { get; internal set; }

    /// <summary>Only in Graph because its last activity lies after the window, so the SIEM API (by LastProcessedTimeUtc) has not returned it yet.</summary>
    public int OnlyInGraphProcessedOutsideWindow { get; internal set; }

    /// <summary>Only in Graph, for no reason the comparison can see.</summary>
    public int OnlyInGraphUnexplained { get; internal set; }

    /// <summary>Graph alerts of Defender for Endpoint left out because their device group is not one of -MachineGroup.</summary>
    public int GraphAlertsInOtherMachineGroups { get; internal set; }

    /// <summary>Graph alerts of Defender for Endpoint whose device group Graph does not name: no machine-group filter can place them.</summary>
    public int GraphAlertsWithoutMachineGroup { get; internal set; }

    /// <summary>Paired alerts whose every mapped row agrees.</summary>
    public int PairedIdentical { get; internal set; }

    /// <summary>Non-empty values of X rows in the window's records: what will no longer reach the SIEM.</summary>
    public int LostValues { get; internal set; }

    /// <summary>Graph alerts by evidence type (deviceEvidence, processEvidence, ...): Graph's typed evidence.</summary>
    public SortedDictionary<string, int> EvidenceTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>Graph alerts by status (new, inProgress, resolved): the SIEM API had no status.</summary>
    public SortedDictionary<string, int> Statuses { get; } = new(StringComparer.Ordinal);

    /// <summary>Graph alerts by classification: the SIEM API had none.</summary>
    public SortedDictionary<string, int> Classifications { get; } = new(StringComparer.Ordinal);

    /// <summary>Graph alerts that name their incident (incidentId): the SIEM API gave only a link.</summary>
    public int GraphAlertsWithIncidentId { get; internal set; }

    /// <summary>With -IncludeMdeApi: alerts the Defender for Endpoint alerts API returned for the window (by alertCreationTime).</summary>
    public int? MdeApiAlerts { get; internal set; }

    /// <summary>With -IncludeMdeApi: of those, how many the SIEM API returned too.</summary>
    public int? MdeApiPairedWithSiem { get; internal set; }
}
