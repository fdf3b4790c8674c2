using System;
using System.Collections.Generic;

namespace MdeSiem.Simulator.Siem;

/// <summary>
/// The records a query returns, in ascending LastProcessedTimeUtc (ties: earlier batch first, then index order),
/// produced lazily. Each batch is already sorted, so the time range is an index range per batch and the batches
/// are merged head by head. A limit keeps the most recent matching records: a backward merge counts them from the
/// end to find where the forward pass starts, touching only the records it must.
/// </summary>
internal static class RecordSelection
{
    public static IEnumerable<RecordPosition> Select(IReadOnlyList<SiemAlertGenerator> batches, AlertQuery query)
    {
        var low = new long[batches.Count];
        var high = new long[batches.Count];
        for (int i = 0; i < batches.Count; i++)
        {
            high[i] = batches[i].FirstIndexAtOrAfter(query.UntilUtc);
            low[i] = Math.Min(batches[i].FirstIndexAtOrAfter(query.SinceUtc), high[i]);
        }

        var filter = new MachineFilter(query);
        long[] start = query.Limit is { } limit ? StartOfMostRecent(batches, low, high, filter, limit) : low;
        return Forward(batches, start, high, filter);
    }

    private static IEnumerable<RecordPosition> Forward(IReadOnlyList<SiemAlertGenerator> batches, long[] cursor, long[] end, MachineFilter filter)
    {
        while (true)
        {
            int next = PickHead(batches, cursor, end, forward: true);
            if (next < 0)
            {
                yield break;
            }

            long index = cursor[next]++;
            if (filter.Matches(batches[next].GetMachine(index)))
            {
                yield return new RecordPosition(batches[next], index);
            }
        }
    }

    private static long[] StartOfMostRecent(IReadOnlyList<SiemAlertGenerator> batches, long[] low, long[] high, MachineFilter filter, int limit)
    {
        var cursor = (long[])high.Clone();
        int found = 0;
        while (found < limit)
        {
            int previous = PickHead(batches, cursor, low, forward: false);
            if (previous < 0)
            {
                break;
            }

            long index = --cursor[previous];
            if (filter.Matches(batches[previous].GetMachine(index)))
            {
                found++;
            }
        }

        return cursor;
    }

    /// <summary>
    /// The batch whose next record comes first going forward (earliest time, lowest batch on ties) or going backward
    /// (latest time, highest batch on ties); -1 when every batch is exhausted.
    /// </summary>
    private static int PickHead(IReadOnlyList<SiemAlertGenerator> batches, long[] cursor, long[] bound, bool forward)
    {
        int best = -1;
        DateTime bestTime = default;
        for (int i = 0; i < batches.Count; i++)
        {
            bool hasMore = forward ? cursor[i] < bound[i] : cursor[i] > bound[i];
            if (!hasMore)
            {
                continue;
            }

            if (best < 0 && i == batches.Count - 1)
            {
                // The only batch left needs no comparison; this keeps the common single-batch case cheap.
                return i;
            }

            DateTime time = batches[i].GetLastProcessedTimeUtc(forward ? cursor[i] : cursor[i] - 1);
            if (best < 0 || (forward ? time < bestTime : time >= bestTime))
            {
                best = i;
                bestTime = time;
            }
        }

        return best;
    }
}
