using System;
using System.Management.Automation;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.OData;
using MdeSiem.Core.Paging;

namespace MdeSiem;

/// <summary>
/// Base of the list cmdlets (Get-DefenderAlert, Get-DefenderIncident, Get-MdeAlert, Get-MdeIncident): the one
/// outline of ById (each id read on its own), List (one page, -First, -All) and Checkpoint (a scheduled run), and
/// the parameters all four share. A cmdlet declares its id parameter, -Top with its service's maximum, its own
/// filters, and how it makes its client and reads one id; everything else is here.
/// </summary>
/// <typeparam name="TItem">The record the cmdlet writes.</typeparam>
/// <typeparam name="TQuery">The list query its parameters become.</typeparam>
/// <typeparam name="TClient">The client of its collection.</typeparam>
public abstract class MdeSiemListCmdlet<TItem, TQuery, TClient> : MdeSiemPullCmdlet
    where TQuery : ODataListQuery, new()
    where TClient : IListClient<TItem, TQuery>
{
    /// <summary>The default parameter set: one page, -First records or -All.</summary>
    protected const string ListSet = "List";

    /// <summary>The parameter set of the id parameter.</summary>
    protected const string ByIdSet = "ById";

    // The service maximum of -Top, the page size when the user gives none.
    private static readonly int LargestTop = new TQuery().LargestTop;

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime CreatedAfter { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime CreatedBefore { get; set; }

    /// <summary>With -Checkpoint, where the first run starts.</summary>
    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public DateTime UpdatedAfter { get; set; }

    /// <summary>
    /// The page size. Each cmdlet declares it, with [ValidateRange(1, its service maximum)]: an attribute argument
    /// must be a constant, so a base class cannot carry a maximum that differs by cmdlet.
    /// </summary>
    public abstract int Top { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter All { get; set; }

    /// <summary>What the records are called in -Verbose: "alerts", "incidents".</summary>
    protected abstract string RecordsName { get; }

    /// <summary>The records per page: -Top when given, else the service maximum the pull asks for.</summary>
    protected sealed override int? PageSize => IsBound(nameof(Top)) ? Top : LargestTop;

    protected sealed override void ProcessRecordCore()
    {
        var connection = RequireConnection();
        var client = CreateClient(connection);
        if (ParameterSetName == ByIdSet)
        {
            ReadById(client);
            return;
        }

        var query = new TQuery();
        SetQuery(query);
        query.Validate();
        if (IsCheckpointRun)
        {
            // -UpdatedAfter is where the first run starts; the checkpoint decides every later window.
            var initialSince = query.UpdatedAfter;
            query.UpdatedAfter = null;
            PullWithCheckpoint(client.CheckpointScopeOf(query), connection.TenantId, initialSince, (run, gaps) =>
            {
                WriteVerbose($"Listing {RecordsName} updated from {run.SinceUtc:o} to {run.UntilUtc:o} from {client.CollectionUri} (paging by {query.UpdatedProperty})");
                return client.ListUpdatedInWindowAsync(query, run.SinceUtc, run.UntilUtc, gaps, CancellationToken);
            });
            return;
        }

        WriteVerbose($"Listing {RecordsName} from {client.FirstRequestUri(query)}" + (query.PagedBy is { } pagedBy ? $" (paging by {pagedBy})" : string.Empty));
        ExplainList(query);
        var listGaps = new PullGapReport();
        WriteEachReportingGaps(client.ListAsync(query, listGaps, CancellationToken), listGaps);
    }

    /// <summary>The client of the collection, on the connection (and whatever else the cmdlet's parameters choose).</summary>
    protected abstract TClient CreateClient(MdeSiemConnection connection);

    /// <summary>The ById path: the cmdlet's ids, each read on its own through <see cref="MdeSiemPullCmdlet.ReadEachId"/>.</summary>
    protected abstract void ReadById(TClient client);

    /// <summary>
    /// Puts the parameters into the query: here the shared ones, in a derived cmdlet its own. An override calls
    /// this first.
    /// </summary>
    protected virtual void SetQuery(TQuery query)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Filter = Filter;
        query.CreatedAfter = BoundOrNull(nameof(CreatedAfter), CreatedAfter);
        query.CreatedBefore = BoundOrNull(nameof(CreatedBefore), CreatedBefore);
        query.UpdatedAfter = BoundOrNull(nameof(UpdatedAfter), UpdatedAfter);
        query.Top = BoundOrNull(nameof(Top), Top);
        query.All = All.IsPresent;
    }

    /// <summary>More -Verbose about a list pull, e.g. a filter applied on this machine.</summary>
    protected virtual void ExplainList(TQuery query)
    {
    }

    /// <summary>True when the user gave the parameter (a value type's default is not "not given").</summary>
    protected bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    /// <summary>The value when the user gave the parameter, else null.</summary>
    protected T? BoundOrNull<T>(string parameterName, T value)
        where T : struct => IsBound(parameterName) ? value : null;
}
