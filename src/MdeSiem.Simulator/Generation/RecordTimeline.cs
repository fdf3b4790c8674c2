using System;

namespace MdeSiem.Simulator.Generation;

/// <summary>
/// LastProcessedTimeUtc as a function of the record index. The span [start, end) is cut into one slot per record
/// and each record lands somewhere inside its slot, so times never decrease with the index and a time maps back to
/// an index by binary search. Some later parts of an alert reuse the previous record's time exactly: the real
/// service stamps parts processed together with the same time, and clients must not lose records on such ties.
/// </summary>
internal sealed class RecordTimeline
{
    private readonly int seed;
    private readonly long count;
    private readonly long startTicks;
    private readonly long spanTicks;
    private readonly AlertLayout layout;

    public RecordTimeline(int seed, long count, DateTime startUtc, TimeSpan span, AlertLayout layout)
    {
        this.seed = seed;
        this.count = count;
        startTicks = startUtc.Ticks;
        spanTicks = span.Ticks;
        this.layout = layout;
    }

    public DateTime LastProcessedTimeUtc(long index) => new(LastProcessedTicks(index), DateTimeKind.Utc);

    /// <summary>The first index whose time is at or after <paramref name="timeUtc"/>; the count if there is none.</summary>
    public long FirstIndexAtOrAfter(DateTime timeUtc)
    {
        long ticks = timeUtc.Ticks;
        long low = 0;
        long high = count;
        while (low < high)
        {
            long middle = low + ((high - low) / 2);
            if (LastProcessedTicks(middle) < ticks)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private long LastProcessedTicks(long index)
    {
        AlertSlot slot = layout.Locate(index);

        // Walk back over the parts tied to their predecessor; at most three steps, parts never cross alerts.
        long source = index;
        for (int part = slot.Part; part > 0 && IsTiedToPrevious(slot.FirstIndex, part); part--)
        {
            source--;
        }

        return SlotStart(source) + Jitter(source);
    }

    private bool IsTiedToPrevious(long alertFirstIndex, int part) =>
        DeterministicHash.Below(DeterministicHash.Of(seed, alertFirstIndex, part, HashPurpose.Tie), 3) == 0;

    private long SlotStart(long index) => startTicks + (long)((Int128)spanTicks * index / count);

    private long Jitter(long index)
    {
        long width = SlotStart(index + 1) - SlotStart(index);
        return width <= 0 ? 0 : (long)(DeterministicHash.Of(seed, index, HashPurpose.Jitter) % (ulong)width);
    }
}
