using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// One partition's log: events are only appended, never changed, and each gets the next sequence number and an offset
/// that grows by the size of the event before it. Readers wait here for events that are not there yet.
/// </summary>
public sealed class HubPartition
{
    private readonly List<StoredEvent> events = [];
    private readonly object gate = new();
    private TaskCompletionSource appended = NewSignal();
    private long nextOffset;

    public HubPartition(string id)
    {
        Id = id;
    }

    public string Id { get; }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return events.Count;
            }
        }
    }

    /// <summary>The last event, or null while the partition is empty.</summary>
    public StoredEvent? Last
    {
        get
        {
            lock (gate)
            {
                return events.Count == 0 ? null : events[^1];
            }
        }
    }

    public StoredEvent Append(ReadOnlyMemory<byte> body, DateTime enqueuedTimeUtc)
    {
        TaskCompletionSource signal;
        StoredEvent stored;
        lock (gate)
        {
            // AMQP timestamps are milliseconds: the service's enqueued times have no finer part.
            var enqueued = DateTime.SpecifyKind(enqueuedTimeUtc, DateTimeKind.Utc);
            enqueued = enqueued.AddTicks(-(enqueued.Ticks % TimeSpan.TicksPerMillisecond));
            stored = new StoredEvent(events.Count, nextOffset, enqueued, body);
            events.Add(stored);
            nextOffset += Math.Max(1, body.Length);
            signal = appended;
            appended = NewSignal();
        }

        signal.TrySetResult();
        return stored;
    }

    /// <summary>The event at <paramref name="index"/> (its sequence number), or null when it is not there yet.</summary>
    public StoredEvent? At(long index)
    {
        lock (gate)
        {
            return index < events.Count ? events[(int)index] : null;
        }
    }

    /// <summary>The index of the first event the selector filter lets through.</summary>
    public long FirstMatching(SelectorFilter filter)
    {
        lock (gate)
        {
            for (int index = 0; index < events.Count; index++)
            {
                if (filter.Matches(events[index]))
                {
                    return index;
                }
            }

            return events.Count;
        }
    }

    /// <summary>Completes once an event at <paramref name="index"/> exists or the token is cancelled.</summary>
    public Task WaitForAsync(long index, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (index < events.Count)
            {
                return Task.CompletedTask;
            }

            return appended.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
