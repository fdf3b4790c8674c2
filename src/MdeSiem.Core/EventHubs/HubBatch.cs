using System.Collections.Generic;
using System.Threading.Tasks;
using Azure.Messaging.EventHubs;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// A batch a processor's partition handed over: the events to deliver (a scheduled run leaves out those enqueued after
/// it started), the last one whose records all went down the pipeline, and the signal that the reader is done with
/// the batch, carrying the event to checkpoint at (null: none).
/// </summary>
internal sealed class HubBatch
{
    public HubBatch(string partitionId, List<EventData> events)
    {
        PartitionId = partitionId;
        Events = events;
    }

    public string PartitionId { get; }

    public List<EventData> Events { get; set; }

    public EventData? LastDelivered { get; private set; }

    public TaskCompletionSource<EventData?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void MarkDelivered(EventData eventData) => LastDelivered = eventData;

    /// <summary>Hands the batch back: checkpoint at what was delivered.</summary>
    public void Finish() => Done.TrySetResult(LastDelivered);

    /// <summary>Hands the batch back without a checkpoint (another owner reads it again).</summary>
    public void Abandon() => Done.TrySetResult(null);
}
