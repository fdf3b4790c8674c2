using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;
using MdeSiem.Core.OData;
using MdeSiem.Core.Paging;

namespace MdeSiem.Core.Graph;

/// <summary>
/// What Graph's security collections (alerts_v2, incidents) add to a list query: severity and classification,
/// -First and a raw $orderby, and how a pull of them pages. An -All without $orderby pages by time (see
/// <see cref="TimeWindowPager{T}"/>): the service's next links are offsets, which shift when records arrive
/// mid-pull, so one would be read twice and another never.
/// </summary>
public abstract class GraphListQuery : ODataListQuery
{
    private const string CreatedDateTime = "createdDateTime";
    private const string LastUpdateDateTime = "lastUpdateDateTime";

    protected GraphListQuery(int largestTop)
        : base(largestTop, CreatedDateTime, LastUpdateDateTime)
    {
    }

    public List<AlertSeverity> Severities { get; } = new();

    public List<AlertClassification> Classifications { get; } = new();

    /// <summary>Stop after this many records (following pages as needed).</summary>
    public long? First { get; set; }

    /// <summary>A raw $orderby, e.g. "createdDateTime desc"; the pull then follows next links.</summary>
    public string? OrderBy { get; set; }

    /// <summary>
    /// True when an -All pull pages by time boundary (ordered by <see cref="BoundaryProperty"/>, each page starting
    /// at the last time seen) instead of following offset-based next links, which shift when records arrive mid-pull.
    /// </summary>
    public bool PagesByTimeBoundary => All && string.IsNullOrWhiteSpace(OrderBy);

    /// <summary>The time property a boundary pull orders by: lastUpdateDateTime when only that is bounded.</summary>
    public string BoundaryProperty => UpdatedAfter is not null && CreatedAfter is null && CreatedBefore is null ? LastUpdateDateTime : CreatedDateTime;

    public override string? PagedBy => PagesByTimeBoundary ? BoundaryProperty : null;

    /// <summary>True when some filter is applied on this machine, so a page of -First records may hold fewer.</summary>
    protected virtual bool FiltersOnClient => false;

    /// <summary>The severity clause, or null.</summary>
    protected string? SeverityClause => ODataFilterText.AnyOf("severity", Severities.Select(value => GraphEnum.ToWire(value)));

    /// <summary>The classification clause, or null.</summary>
    protected string? ClassificationClause => ODataFilterText.AnyOf("classification", Classifications.Select(value => GraphEnum.ToWire(value)));

    public override void Validate()
    {
        base.Validate();
        if (First is < 1)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "First must be at least 1.");
        }
    }

    /// <summary>
    /// The options of a pull of this query: by time in <paramref name="checkpointWindow"/>, by time from the start
    /// for an -All without $orderby, else next links (-All, -First) or one page. <paramref name="createdOf"/> and
    /// <paramref name="updatedOf"/> read the two time properties off a record.
    /// </summary>
    internal CollectionPull<T> Pull<T>(
        TimeWindow<T>? checkpointWindow,
        Func<T, DateTime?> createdOf,
        Func<T, DateTime?> updatedOf,
        PullGapReport? gaps,
        Func<T, bool>? keep = null,
        string? expand = null,
        Func<T, CancellationToken, Task<T>>? withoutExpand = null)
    {
        var window = checkpointWindow ?? BoundaryWindow(createdOf, updatedOf);
        return new CollectionPull<T>
        {
            Paging = window is not null ? PagingStrategy.TimeWindow : All || First is not null ? PagingStrategy.NextLink : PagingStrategy.OnePage,
            Filter = BuildFilter(),
            OrderBy = window is null ? OrderBy : null,
            Top = window is not null ? Top ?? LargestTop : Top ?? (First is { } first && !FiltersOnClient ? (int)Math.Min(first, LargestTop) : null),
            Expand = expand,
            WithoutExpand = withoutExpand,
            Window = window,
            Gaps = gaps,
            Keep = keep,
            First = checkpointWindow is null ? First : null,
        };
    }

    /// <summary>The window of an -All pull without $orderby: open at both ends, the query's own bounds in its $filter.</summary>
    private TimeWindow<T>? BoundaryWindow<T>(Func<T, DateTime?> createdOf, Func<T, DateTime?> updatedOf)
    {
        if (!PagesByTimeBoundary)
        {
            return null;
        }

        var property = BoundaryProperty;
        return new TimeWindow<T>(property, property == LastUpdateDateTime ? updatedOf : createdOf, null, null);
    }
}
