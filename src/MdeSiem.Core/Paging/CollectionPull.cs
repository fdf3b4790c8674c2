using System;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.Paging;

/// <summary>One read of a collection: the query options, the paging strategy and what to tell the caller on the way.</summary>
internal sealed class CollectionPull<T>
{
    public PagingStrategy Paging { get; init; } = PagingStrategy.OnePage;

    /// <summary>The first request as a whole, when the query is not OData (the SIEM API); otherwise built from the options below.</summary>
    public Uri? FirstUri { get; init; }

    public string? Filter { get; init; }

    public string? OrderBy { get; init; }

    /// <summary>$top: the page size, and for <see cref="PagingStrategy.Skip"/> and a time window the length of a full page.</summary>
    public int? Top { get; init; }

    public string? Expand { get; init; }

    /// <summary>For <see cref="PagingStrategy.TimeWindow"/>: the time property, its value on an item and the window.</summary>
    public TimeWindow<T>? Window { get; init; }

    /// <summary>
    /// When a request with <see cref="Expand"/> fails on the service's side, the same page is read without it and
    /// each item completed by this (e.g. an incident's alerts fetched one incident at a time).
    /// </summary>
    public Func<T, CancellationToken, Task<T>>? WithoutExpand { get; init; }

    /// <summary>Where gaps (206 answers, pieces of a window that could not be read) go; null: a 206 is ignored and a failure ends the pull.</summary>
    public PullGapReport? Gaps { get; init; }

    /// <summary>Records and bytes, for progress; one is made when none is given.</summary>
    public PullStatistics? Statistics { get; init; }

    /// <summary>Items the service returns that the query cannot express on the server (kept when null).</summary>
    public Func<T, bool>? Keep { get; init; }

    /// <summary>Stop after this many items.</summary>
    public long? First { get; init; }
}
