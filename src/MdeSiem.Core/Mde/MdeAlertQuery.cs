using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Mde;

/// <summary>
/// What to list from the Defender for Endpoint alerts API. Friendly filters become an OData $filter on the
/// properties the service filters (alertCreationTime, lastUpdateTime, incidentId, investigationId, id, assignedTo,
/// detectionSource, lastEventTime, status, severity, category); <see cref="ODataListQuery.Filter"/> adds raw OData.
/// Without <see cref="ODataListQuery.All"/>, <see cref="ODataListQuery.Top"/> is the number of alerts to get.
/// </summary>
public sealed class MdeAlertQuery : DefenderApiListQuery
{
    /// <summary>The service's largest page ($top) of alerts.</summary>
    public const int MaximumTop = 10000;

    public MdeAlertQuery()
        : base(MaximumTop, "alertCreationTime")
    {
    }

    public List<MdeAlertStatus> Statuses { get; } = new();

    public List<MdeAlertSeverity> Severities { get; } = new();

    /// <summary>Service names such as WindowsDefenderAtp or WindowsDefenderAv.</summary>
    public List<string> DetectionSources { get; } = new();

    public List<string> Categories { get; } = new();

    public long? IncidentId { get; set; }

    public long? InvestigationId { get; set; }

    /// <summary>$expand=evidence.</summary>
    public bool IncludeEvidence { get; set; }

    protected override IEnumerable<string?> CollectionClauses() => new[]
    {
        ODataFilterText.AnyOf("status", Statuses.Select(status => status.ToString())),
        ODataFilterText.AnyOf("severity", Severities.Select(severity => severity.ToString())),
        ODataFilterText.AnyOf("detectionSource", DetectionSources),
        ODataFilterText.AnyOf("category", Categories),
        AssignedToClause,
        IncidentId is { } incident ? "incidentId eq " + incident.ToString(CultureInfo.InvariantCulture) : null,
        InvestigationId is { } investigation ? "investigationId eq " + investigation.ToString(CultureInfo.InvariantCulture) : null,
    };
}
