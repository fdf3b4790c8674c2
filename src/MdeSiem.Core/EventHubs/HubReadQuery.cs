using System;

namespace MdeSiem.Core.EventHubs;

/// <summary>What a hub run reads: which table, from when, and whether it stops at what was there when it started.</summary>
public sealed class HubReadQuery
{
    /// <summary>The Advanced Hunting table to keep (AlertInfo, ...); null keeps every record.</summary>
    public string? Table { get; set; }

    /// <summary>Where a partition without a checkpoint starts: events enqueued after this; null for the earliest.</summary>
    public DateTime? SinceUtc { get; set; }

    /// <summary>Keep reading new events instead of stopping at what was enqueued when the run started.</summary>
    public bool Follow { get; set; }

    /// <summary>With <see cref="Follow"/>, stop after this long without a new event; null reads until cancelled.</summary>
    public TimeSpan? MaxWait { get; set; }

    /// <summary>
    /// Events per batch: a shared reader's processor hands over and checkpoints batches of this many; a lone reader
    /// receives at most 100 at a time and commits its checkpoint after this many (or when it has caught up).
    /// </summary>
    public int BatchSize { get; set; } = 300;

    /// <summary>How long one receive waits for events before the reader turns to the next partition.</summary>
    public TimeSpan ReceiveWait { get; set; } = TimeSpan.FromMilliseconds(500);
}
