using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Graph;

/// <summary>
/// What to list from /security/alerts_v2. Friendly filters become an OData $filter on the properties the service
/// filters (assignedTo, classification, determination, createdDateTime, lastUpdateDateTime, severity,
/// serviceSource, status); <see cref="DetectionSources"/> the service cannot filter, so it is applied to each
/// alert as it arrives.
/// </summary>
public sealed class GraphAlertQuery : GraphListQuery
{
    /// <summary>The service's largest page of alerts.</summary>
    public const int MaximumTop = 2000;

    public GraphAlertQuery()
        : base(MaximumTop)
    {
    }

    public List<AlertStatus> Statuses { get; } = new();

    public List<ServiceSource> ServiceSources { get; } = new();

    /// <summary>Applied client-side: the service does not filter on detectionSource.</summary>
    public List<DetectionSource> DetectionSources { get; } = new();

    protected override bool FiltersOnClient => DetectionSources.Count > 0;

    /// <summary>The filters the service cannot apply, checked on each alert.</summary>
    public bool MatchesClientSide(DefenderAlert alert) =>
        DetectionSources.Count == 0
        || DetectionSources.Any(source => string.Equals(GraphEnum.ToWire(source), alert.DetectionSourceValue, StringComparison.OrdinalIgnoreCase));

    protected override IEnumerable<string?> CollectionClauses() => new[]
    {
        SeverityClause,
        ODataFilterText.AnyOf("status", Statuses.Select(value => GraphEnum.ToWire(value))),
        ODataFilterText.AnyOf("serviceSource", ServiceSources.Select(value => GraphEnum.ToWire(value))),
        ClassificationClause,
    };
}
