using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Graph;

/// <summary>What to list from /security/incidents; friendly filters become an OData $filter.</summary>
public sealed class GraphIncidentQuery : GraphListQuery
{
    /// <summary>The service's largest page of incidents.</summary>
    public const int MaximumTop = 50;

    public GraphIncidentQuery()
        : base(MaximumTop)
    {
    }

    public List<IncidentStatus> Statuses { get; } = new();

    /// <summary>Ask for each incident's alerts ($expand=alerts).</summary>
    public bool ExpandAlerts { get; set; }

    protected override IEnumerable<string?> CollectionClauses() => new[]
    {
        SeverityClause,
        ODataFilterText.AnyOf("status", Statuses.Select(value => GraphEnum.ToWire(value))),
        ClassificationClause,
    };
}
