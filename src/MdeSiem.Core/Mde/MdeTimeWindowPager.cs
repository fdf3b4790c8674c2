using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;

namespace MdeSiem.Core.Mde;

/// <summary>
/// Reads the records of a Defender API collection whose time property is in [from, until), ordered by it, for a
/// checkpointed run. The alerts API gives no next link when $top is set, and plain $skip paging is not stable: an
/// alert updated during the run leaves the window and shifts every later offset back by one, so one record would
/// be skipped. Each request therefore starts at the last time seen ("ge"), the records already seen at exactly
/// that time dropped by id; only when a whole page shares one time does $skip step past the ones read at it.
/// Alerts arriving or changing mid-run cannot make a record be skipped; ties on one time are never lost.
/// </summary>
internal static class MdeTimeWindowPager
{
    /// <param name="readPage">Reads one page: (the $filter with the time bounds, the $skip).</param>
    /// <param name="property">The time property the service filters and orders by, e.g. lastUpdateTime.</param>
    /// <param name="filter">The pull's own $filter, or null.</param>
    /// <param name="fromUtc">Start of the window (inclusive).</param>
    /// <param name="untilUtc">End of the window (exclusive).</param>
    /// <param name="pageSize">The $top of each request: a shorter page is the last.</param>
    /// <param name="timeOf">The record's value of <paramref name="property"/>.</param>
    /// <param name="idOf">The record's id.</param>
    /// <param name="cancellationToken">Stops the pull.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        Func<string, int, IAsyncEnumerable<T>> readPage,
        string property,
        string? filter,
        DateTime fromUtc,
        DateTime untilUtc,
        int pageSize,
        Func<T, DateTime?> timeOf,
        Func<T, string?> idOf,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = fromUtc;
        var seenAtCursor = new HashSet<string>(StringComparer.Ordinal);
        var skip = 0;
        while (true)
        {
            var pageFilter = GraphFilterText.And(new[]
            {
                filter,
                property + " ge " + GraphFilterText.Time(cursor),
                property + " lt " + GraphFilterText.Time(untilUtc),
            })!;
            var pageStart = cursor;
            var count = 0;
            await foreach (var item in readPage(pageFilter, skip).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                count++;
                var time = timeOf(item);
                var id = idOf(item) ?? string.Empty;
                if (time is { } value && value < cursor)
                {
                    // Paging by time is only sound on an ascending order: refuse rather than skip records silently.
                    throw new MdeSiemException(
                        ErrorCode.InvalidResponse,
                        $"The Defender API did not order the page by {property}: a record of {GraphFilterText.Time(value)} came after one of {GraphFilterText.Time(cursor)}.")
                    {
                        RecommendedAction = "Run the command again; with -Checkpoint the run keeps what it delivered and the next one goes on from there.",
                    };
                }

                if (time == cursor)
                {
                    if (!seenAtCursor.Add(id))
                    {
                        continue;
                    }
                }
                else if (time is { } later)
                {
                    cursor = later;
                    seenAtCursor.Clear();
                    seenAtCursor.Add(id);
                }

                yield return item;
            }

            if (count < pageSize)
            {
                yield break;
            }

            // A full page that never got past its start time: step over what was read at that time.
            skip = cursor == pageStart ? skip + count : 0;
        }
    }
}
