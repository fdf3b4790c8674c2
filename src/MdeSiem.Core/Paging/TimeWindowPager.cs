using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Paging;

/// <summary>
/// Reads a collection ordered by a time property, each request starting at the last time seen ("ge"), the records
/// already seen at exactly that time skipped by id: unlike offsets, records arriving or changing mid-pull cannot
/// shift a page, so none is skipped and none repeated. When a whole page shares one time, the pull gets past it by
/// the page's next link (Graph) or by $skip over what was read at that time (the Defender APIs, which give none).
/// <para>
/// The order is checked, not trusted: neither Graph's security collections nor the Defender APIs document
/// $orderby, and a service that ignores it may answer newest first. A record older than one before it fails the
/// pull (InvalidResponse) instead of moving the cursor past records never read; a checkpointed run then keeps its
/// watermark. Pages hold at least two records so that an order that is not ascending shows within a page.
/// </para>
/// <para>
/// Within a bounded window [from, until) a page that fails after the handler's retries (5xx, a broken or invalid
/// body, or a 400 once the query has been accepted before) does not stall the pull when gaps are reported: the rest
/// of the window is split in two and each half read on its own, down to <see cref="MaximumSplitDepth"/>; a piece
/// that still fails is reported as a <see cref="WindowGap"/> and the pull goes on. A 206 answer is a gap too.
/// </para>
/// </summary>
internal sealed class TimeWindowPager<T>
{
    /// <summary>Halving at most this often leaves pieces of 1/8 of the failed rest: enough to step around a bad spot.</summary>
    private const int MaximumSplitDepth = 3;

    private static readonly TimeSpan SmallestPiece = TimeSpan.FromSeconds(1);

    private readonly CollectionReader<T> _reader;
    private readonly CollectionPull<T> _pull;
    private readonly TimeWindow<T> _window;
    private readonly PullStatistics _statistics;
    private readonly int _top;
    private bool _acceptedOnce;

    public TimeWindowPager(CollectionReader<T> reader, CollectionPull<T> pull, PullStatistics statistics)
    {
        _reader = reader;
        _pull = pull;
        _window = pull.Window ?? throw new ArgumentException("A time-window pull needs its window.", nameof(pull));
        _statistics = statistics;
        _top = PageSize(pull.Top);
    }

    /// <summary>The $top of each request: the pull's, but at least two, so that the order check can see a page's order.</summary>
    public static int PageSize(int? top) => Math.Max(2, top ?? 2);

    private PullGapReport? Gaps => _pull.Gaps;

    private bool CanDropExpand => _pull.Expand is not null && _pull.WithoutExpand is not null;

    public IAsyncEnumerable<T> ReadAsync(CancellationToken cancellationToken) =>
        ReadWindowAsync(_window.FromUtc, _window.UntilUtc, new HashSet<string>(StringComparer.Ordinal), 0, cancellationToken);

    private async IAsyncEnumerable<T> ReadWindowAsync(DateTime? fromUtc, DateTime? untilUtc, HashSet<string> seenAtStart, int depth, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = fromUtc;
        var seenAtCursor = new HashSet<string>(seenAtStart, StringComparer.Ordinal);
        var pagesCarryNextLinks = _reader.Collection.PagesCarryNextLinks;
        string? stalledNextLink = null;
        var skip = 0;
        var expandFailed = false;
        while (true)
        {
            var expand = expandFailed ? null : _pull.Expand;
            var uri = stalledNextLink is not null && !expandFailed
                ? new Uri(stalledNextLink)
                : ODataQuery.Build(_reader.Collection.Collection, ODataFilterText.And(new[] { _pull.Filter, Bound("ge", cursor), Bound("lt", untilUtc) }), _window.Property + " asc", _top, skip, expand);
            var links = new ODataPageLinks();
            var pageStart = cursor;
            var onPartial = Gaps is { } gaps ? error => gaps.Add(new WindowGap(pageStart, untilUtc, error)) : (Action<MdeSiemException>?)null;
            var page = _reader.ReadPageAsync(uri, links, onPartial, _statistics, cancellationToken).GetAsyncEnumerator(cancellationToken);
            MdeSiemException? failure = null;
            var count = 0;
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

                    count++;
                    var item = page.Current;
                    var time = _window.TimeOf(item);
                    var id = _reader.Collection.IdOf(item) ?? string.Empty;
                    if (time is { } value && cursor is { } current && value < current)
                    {
                        throw NotOrdered(value, current);
                    }

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

                    yield return expand is null && CanDropExpand
                        ? await _pull.WithoutExpand!(item, cancellationToken).ConfigureAwait(false)
                        : item;
                }
            }
            finally
            {
                await page.DisposeAsync().ConfigureAwait(false);
            }

            if (failure is not null)
            {
                if (expand is not null && CanDropExpand)
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
            var stalled = cursor == pageStart;
            if (pagesCarryNextLinks)
            {
                if (links.NextLink is null)
                {
                    yield break;
                }

                stalledNextLink = stalled ? links.NextLink : null;
            }
            else
            {
                if (count < _top)
                {
                    yield break;
                }

                // A full page that never got past its start time: step over what was read at that time.
                skip = stalled ? skip + count : 0;
            }
        }
    }

    private string? Bound(string op, DateTime? time) => time is { } value ? $"{_window.Property} {op} {ODataFilterText.Time(value)}" : null;

    /// <summary>
    /// Splitting helps with a server that fails on a large or unlucky piece, never with throttling, auth or a query
    /// the service rejects from the start (a 400 on the first request is the query's fault).
    /// </summary>
    private bool CanRecover(MdeSiemException exception, DateTime? cursor, DateTime? untilUtc, string? expand)
    {
        if (!PagingFailures.CanWorkAround(exception, _acceptedOnce))
        {
            return false;
        }

        if (expand is not null && CanDropExpand)
        {
            return true;
        }

        return Gaps is not null && cursor is not null && untilUtc is not null && cursor < untilUtc;
    }

    /// <summary>Paging by time is only sound on an ascending order: refuse rather than skip records silently.</summary>
    private MdeSiemException NotOrdered(DateTime value, DateTime cursor) =>
        new(
            ErrorCode.InvalidResponse,
            $"The service did not order the page by {_window.Property}: a record of {ODataFilterText.Time(value)} came after one of {ODataFilterText.Time(cursor)}, so paging by time could skip records. Nothing after it was delivered.")
        {
            RecommendedAction = "Run the command again later; with -Checkpoint the run keeps its watermark and the next one reads the window again.",
            Target = _reader.Collection.Collection,
        };

    private static MdeSiemException Unreadable(MdeSiemException failure, DateTime fromUtc, DateTime untilUtc) =>
        new(
            ErrorCode.WindowUnreadable,
            $"The records from {ODataFilterText.Time(fromUtc)} to {ODataFilterText.Time(untilUtc)} could not be read ({failure.Message}); the rest of the window was delivered.",
            failure)
        {
            RecommendedAction = "Run the command again later; with -Checkpoint the next run reads this piece again.",
            RequestId = failure.RequestId,
            Target = failure.Target,
            StatusCode = failure.StatusCode,
        };
}
