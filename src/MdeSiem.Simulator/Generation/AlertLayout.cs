using System;

namespace MdeSiem.Simulator.Generation;

/// <summary>
/// Groups record indices into alerts of one to four parts (the SIEM API sends one record per alert part) without
/// keeping any table: indices are cut into blocks of eight and each block is split into alerts by a hash of the
/// block number, so finding the alert of any index costs a few hash calls.
/// </summary>
internal sealed class AlertLayout
{
    private const int BlockSize = 8;

    private readonly int seed;
    private readonly long count;

    public AlertLayout(int seed, long count)
    {
        this.seed = seed;
        this.count = count;
    }

    public AlertSlot Locate(long index)
    {
        long block = index / BlockSize;
        int offset = (int)(index % BlockSize);
        int start = 0;
        while (true)
        {
            int size = Math.Min(AlertSize(block, start), BlockSize - start);
            if (offset < start + size)
            {
                long firstIndex = (block * BlockSize) + start;

                // The last alert of the set loses the parts that would fall beyond the record count.
                int partCount = (int)Math.Min(size, count - firstIndex);
                return new AlertSlot(firstIndex, offset - start, partCount);
            }

            start += size;
        }
    }

    /// <summary>Half the alerts have one part, the rest two to four, like a busy tenant.</summary>
    private int AlertSize(long block, int start)
    {
        int roll = DeterministicHash.Below(DeterministicHash.Of(seed, block, start, HashPurpose.AlertSizes), 20);
        return roll switch
        {
            < 10 => 1,
            < 15 => 2,
            < 18 => 3,
            _ => 4,
        };
    }
}
