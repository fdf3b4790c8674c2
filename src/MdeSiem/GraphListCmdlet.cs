using System;
using System.Management.Automation;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Paging;

namespace MdeSiem;

/// <summary>
/// Base of the list cmdlets of Graph's security collections (Get-DefenderAlert, Get-DefenderIncident): -Severity,
/// -Classification, -First and -OrderBy. Without -OrderBy, -All pages by time; with it, by the service's next
/// links (see <see cref="GraphListQuery"/>).
/// </summary>
public abstract class GraphListCmdlet<TItem, TQuery, TClient> : MdeSiemListCmdlet<TItem, TQuery, TClient>
    where TQuery : GraphListQuery, new()
    where TClient : IListClient<TItem, TQuery>
{
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public AlertSeverity[]? Severity { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public AlertClassification[]? Classification { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, long.MaxValue)]
    public long First { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? OrderBy { get; set; }

    protected override void SetQuery(TQuery query)
    {
        base.SetQuery(query);
        query.First = BoundOrNull(nameof(First), First);
        query.OrderBy = OrderBy;
        query.Severities.AddRange(Severity ?? Array.Empty<AlertSeverity>());
        query.Classifications.AddRange(Classification ?? Array.Empty<AlertClassification>());
    }
}
