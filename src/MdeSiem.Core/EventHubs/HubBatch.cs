using System.Collections.Generic;
using System.Threading.Tasks;
using Azure.Messaging.EventHubs;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// A batch a processor's partition handed over: the events to deliver (a scheduled run leaves out those enqueued after
/// it started), the last one whose records all went down the pipeline, and the signal that the reader is done with
/// the batch, carrying the event to checkpoint at (null: none).
/// <para>
/// Handing back is per event: when the partition is lost (another consumer claimed it) while one of an event's
/// records went out and others did not, the rest of that event is still delivered here and the batch is handed back
/// once the event is complete, so the checkpoint covers every record delivered and the new owner, which starts after
/// it, repeats none. Records of events not begun are withdrawn. The pipeline thread and the processor's thread both
/// use this, so its state is behind a lock.
/// </para>
/// </summary>
internal sealed class HubBatch
{
    private readonly object _gate = new();
    private bool _eventOpen;
    private bool _inFlight;
    private bool _closing;

    public HubBatch(string partitionId, List<EventData> events)
    {
        PartitionId = partitionId;
        Events = events;
    }

    public string PartitionId { get; }

    public List<EventData> Events { get; set; }

    public EventData? LastDelivered { get; private set; }

    public TaskCompletionSource<EventData?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Asked once per record, just before it is written: true when it must not be (the batch was handed back, or is
    /// being and the record starts a new event). A record that may be written is in flight until acknowledged, and
    /// the batch is not handed back under it: the checkpoint must cover it.
    /// </summary>
    public bool IsWithdrawn()
    {
        lock (_gate)
        {
            var withdrawn = Done.Task.IsCompleted || (_closing && !_eventOpen);
            _inFlight = !withdrawn;
            return withdrawn;
        }
    }

    /// <summary>A record of <paramref name="eventData"/> went down the pipeline; its last one completes the event.</summary>
    public void MarkDelivered(EventData eventData, bool endsEvent)
    {
        lock (_gate)
        {
            _inFlight = false;
            if (Done.Task.IsCompleted)
            {
                return;
            }

            if (!endsEvent)
            {
                _eventOpen = true;
                return;
            }

            LastDelivered = eventData;
            _eventOpen = false;
            if (_closing)
            {
                Done.TrySetResult(LastDelivered);
            }
        }
    }

    /// <summary>Hands the batch back: checkpoint at what was delivered, once the event in progress (if any) is complete.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_eventOpen || _inFlight)
            {
                _closing = true;
                return;
            }

            Done.TrySetResult(LastDelivered);
        }
    }

    /// <summary>The reader stopped: hands the batch back now, at the last complete event (the new owner repeats an open one).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            Done.TrySetResult(LastDelivered);
        }
    }

    /// <summary>Hands the batch back without a checkpoint (another owner reads it again).</summary>
    public void Abandon() => Done.TrySetResult(null);
}
