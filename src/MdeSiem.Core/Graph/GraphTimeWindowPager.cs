using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Reads a Graph collection ordered by a time property, each request starting at the last time seen ("ge"), the
/// records already seen at exactly that time skipped by id: unlike offset-based next links, records arriving
/// mid-pull cannot shift a page, so none is skipped and none repeated. When a whole page shares one time, the
/// page's next link is followed to get past it.
/// <para>
/// Within a bounded window [from, until) a page that fails after the handler's retries (5xx, a broken or invalid
/// body, or a 400 once the query has been accepted before) does not stall the pull: the rest of the window is split
/// in two and each half read on its own, down to <see cref="MaximumSplitDepth"/>; a piece that still fails is
/// reported as a <see cref="WindowGap"/> and the pull goes on. A 206 answer (a provider failed) is a gap too.
/// </para>
/// </summary>
internal sealed class GraphTimeWindowPager<T>
{
    /// <summary>Halving at most this often leaves pieces of 1/8 of the failed rest: enough to step around a bad spot.</summary>
    private const int MaximumSplitDepth = 3;

    private static readonly TimeSpan SmallestPiece = TimeSpan.FromSeconds(1);

    private readonly MdeSiemConnection _connection;
    private readonly Uri _collection;
    private readonly string _permission;
    private readonly Func<JsonElement, T> _bind;
    private readonly Func<T, DateTime?> _timeOf;
    private readonly Func<T, string?> _idOf;
    private readonly string _property;
    private readonly string? _filter;
    private readonly int _top;
    private bool _acceptedOnce;

    public GraphTimeWindowPager(MdeSiemConnection connection, Uri collection, string permission, Func<JsonElement, T> bind, Func<T, DateTime?> timeOf, Func<T, string?> idOf, string property, string? filter, int top)
    {
        _connection = connection;
        _collection = collection;
        _permission = permission;
        _bind = bind;
        _timeOf = timeOf;
        _idOf = idOf;
        _property = property;
        _filter = filter;
        _top = top;
    }

    /// <summary>$expand value for each request, e.g. "alerts".</summary>
    public string? Expand { get; set; }

    /// <summary>
    /// When a request with <see cref="Expand"/> fails, the same page is read without it and each record completed
    /// by this (e.g. an incident's alerts fetched one incident at a time).
    /// </summary>
    public Func<T, CancellationToken, Task<T>>? WithoutExpand { get; set; }

    /// <summary>Where gaps (206 answers, pieces that could not be read) are reported; null: a 206 is ignored and a failure ends the pull.</summary>
    public PullGapReport? Gaps { get; set; }

    /// <summary>Streams the records with times in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>); either bound may be open.</summary>
    public IAsyncEnumerable<T> ReadAsync(DateTime? fromUtc, DateTime? untilUtc, CancellationToken cancellationToken) =>
        ReadWindowAsync(fromUtc, untilUtc, new HashSet<string>(StringComparer.Ordinal), 0, cancellationToken);

    private async IAsyncEnumerable<T> ReadWindowAsync(DateTime? fromUtc, DateTime? untilUtc, HashSet<string> seenAtStart, int depth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = fromUtc;
        var seenAtCursor = new HashSet<string>(seenAtStart, StringComparer.Ordinal);
        string? stalledNextLink = null;
        var expandFailed = false;
        while (true)
        {
            var expand = expandFailed ? null : Expand;
            var uri = stalledNextLink is not null && !expandFailed
                ? new Uri(stalledNextLink)
                : GraphCollectionQuery.Build(_collection, GraphCollectionQuery.Join(_filter, Bound("ge", cursor), Bound("lt", untilUtc)), _property + " asc", _top, expand);
            var links = new GraphPageLinks();
            var pageStart = cursor;
            var onPartial = Gaps is { } gaps ? error => gaps.Add(new WindowGap(pageStart, untilUtc, error)) : (Action<MdeSiemException>?)null;
            var page = GraphPageSource.ReadAsync(_connection, uri, _permission, _bind, links, onPartial, cancellationToken).GetAsyncEnumerator(cancellationToken);
            MdeSiemException? failure = null;
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await page.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (MdeSiemException exception) when (!cancellationToken.IsCancellationRequested && CanRecover(exception, cursor, untilUtc, expand))
                    {
                        failure = exception;
                        break;
                    }

                    var item = page.Current;
                    var time = _timeOf(item);
                    var id = _idOf(item) ?? string.Empty;
                    if (time is not null && time == cursor && !seenAtCursor.Add(id))
                    {
                        continue;
                    }

                    if (time is not null && time != cursor)
                    {
                        cursor = time;
                        seenAtCursor.Clear();
                        seenAtCursor.Add(id);
                    }

                    yield return expand is null && Expand is not null && WithoutExpand is not null
                        ? await WithoutExpand(item, cancellationToken).ConfigureAwait(false)
                        : item;
                }
            }
            finally
            {
                await page.DisposeAsync().ConfigureAwait(false);
            }

            if (failure is not null)
            {
                if (expand is not null && WithoutExpand is not null)
                {
                    // Read the same page again without $expand; the next page tries $expand again.
                    expandFailed = true;
                    continue;
                }

                if (depth >= MaximumSplitDepth || untilUtc!.Value - cursor!.Value < SmallestPiece + SmallestPiece)
                {
                    Gaps!.Add(new WindowGap(cursor, untilUtc, Unreadable(failure, cursor!.Value, untilUtc!.Value)));
                    yield break;
                }

                var middle = cursor!.Value + TimeSpan.FromTicks((untilUtc!.Value - cursor!.Value).Ticks / 2);
                await foreach (var item in ReadWindowAsync(cursor, middle, seenAtCursor, depth + 1, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }

                await foreach (var item in ReadWindowAsync(middle, untilUtc, new HashSet<string>(StringComparer.Ordinal), depth + 1, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }

                yield break;
            }

            _acceptedOnce = true;
            expandFailed = false;
            if (links.NextLink is null)
            {
                yield break;
            }

            stalledNextLink = cursor == pageStart ? links.NextLink : null;
        }
    }

    private string? Bound(string op, DateTime? time) => time is { } value ? $"{_property} {op} {GraphFilterText.Time(value)}" : null;

    /// <summary>
    /// Splitting helps with a server that fails on a large or unlucky piece, never with throttling, auth or a query
    /// the service rejects from the start (a 400 on the first request is the query's fault).
    /// </summary>
    private bool CanRecover(MdeSiemException exception, DateTime? cursor, DateTime? untilUtc, string? expand)
    {
        if (!GraphFailures.CanWorkAround(exception, _acceptedOnce))
        {
            return false;
        }

        if (expand is not null && WithoutExpand is not null)
        {
            return true;
        }

        return Gaps is not null && cursor is not null && untilUtc is not null && cursor < untilUtc;
    }

    private static MdeSiemException Unreadable(MdeSiemException failure, DateTime fromUtc, DateTime untilUtc) =>
        new(
            ErrorCode.WindowUnreadable,
            $"The records from {GraphFilterText.Time(fromUtc)} to {GraphFilterText.Time(untilUtc)} could not be read ({failure.Message}); the rest of the window was delivered.",
            failure)
        {
            RecommendedAction = "Run the command again later; with -Checkpoint the next run reads this piece again.",
            RequestId = failure.RequestId,
            Target = failure.Target,
            StatusCode = failure.StatusCode,
        };
}
