using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Mde;

/// <summary>
/// What to list from the Defender XDR incidents API: OData $filter on the properties it filters (lastUpdateTime,
/// createdTime, status, assignedTo), $top up to 100, $skip paging.
/// </summary>
public sealed class MdeIncidentQuery : DefenderApiListQuery
{
    /// <summary>The service's largest page ($top) of incidents.</summary>
    public const int MaximumTop = 100;

    public MdeIncidentQuery()
        : base(MaximumTop, "createdTime")
    {
    }

    public List<MdeIncidentStatus> Statuses { get; } = new();

    protected override IEnumerable<string?> CollectionClauses() => new[]
    {
        ODataFilterText.AnyOf("status", Statuses.Select(status => status.ToString())),
        AssignedToClause,
    };
}
