using System;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// One event as a partition keeps it: the service assigns the sequence number (0, 1, 2, ... per partition), the
/// offset (where the event starts in the partition's log, in bytes) and the time it was enqueued.
/// https://learn.microsoft.com/azure/event-hubs/event-hubs-features#event-consumers
/// </summary>
/// <param name="SequenceNumber">The event's number in its partition.</param>
/// <param name="Offset">The event's position in the partition's log.</param>
/// <param name="EnqueuedTimeUtc">When the partition accepted the event.</param>
/// <param name="Body">The event's data section.</param>
public sealed record StoredEvent(long SequenceNumber, long Offset, DateTime EnqueuedTimeUtc, ReadOnlyMemory<byte> Body);
