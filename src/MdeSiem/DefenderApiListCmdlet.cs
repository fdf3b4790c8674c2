using System;
using System.Management.Automation;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Mde;
using MdeSiem.Core.Paging;

namespace MdeSiem;

/// <summary>
/// Base of the list cmdlets of the retiring Defender APIs (Get-MdeAlert, Get-MdeIncident): -AssignedTo,
/// -UpdatedBefore, -ApiRegion, and the retirement warning once per session. -All pages by $skip.
/// </summary>
public abstract class DefenderApiListCmdlet<TItem, TQuery, TClient> : MdeSiemListCmdlet<TItem, TQuery, TClient>
    where TQuery : DefenderApiListQuery, new()
    where TClient : IListClient<TItem, TQuery>
{
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [AllowEmptyString]
    public string? AssignedTo { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime UpdatedBefore { get; set; }

    /// <summary>A geographic API host (us., eu., uk., au., swa., ina.) for better performance.</summary>
    [Parameter]
    public DefenderApiRegion ApiRegion { get; set; }

    protected sealed override TClient CreateClient(MdeSiemConnection connection)
    {
        var client = CreateClient(connection, ApiRegion);
        RetiringApiWarning.DefenderApi.WarnOnce(this);
        return client;
    }

    /// <summary>The client of the collection on the API host of <paramref name="region"/>.</summary>
    protected abstract TClient CreateClient(MdeSiemConnection connection, DefenderApiRegion region);

    protected override void SetQuery(TQuery query)
    {
        base.SetQuery(query);
        query.AssignedTo = AssignedTo;
        query.UpdatedBefore = BoundOrNull(nameof(UpdatedBefore), UpdatedBefore);
    }
}
