using System;
using MdeSiem.Core.Errors;
using MdeSiem.Core.StreamingApi;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// What the hub reader hands out for each record of an event (or once for an event with none to give): the record,
/// or the error for an event whose body is not the Streaming API's shape, and where it sits in its partition. After
/// the item that ends an event went down the pipeline, the event counts as delivered; after the one that ends a
/// received batch, the run commits what was delivered.
/// </summary>
public sealed class HubRecord
{
    internal HubRecord(string partitionId, long sequenceNumber, int recordIndex, StreamingEvent? streamingEvent, MdeSiemException? error, bool endsEvent)
    {
        PartitionId = partitionId;
        SequenceNumber = sequenceNumber;
        RecordIndex = recordIndex;
        Event = streamingEvent;
        Error = error;
        EndsEvent = endsEvent;
    }

    public string PartitionId { get; }

    /// <summary>The sequence number of the Event Hubs event holding the record.</summary>
    public long SequenceNumber { get; }

    /// <summary>The record's place in its event's "records" array; -1 for an item that carries no record.</summary>
    public int RecordIndex { get; }

    /// <summary>The record; null for an event that held no record of the table asked for, or for an error.</summary>
    public StreamingEvent? Event { get; }

    public MdeSiemException? Error { get; }

    /// <summary>True for the last item of its event.</summary>
    public bool EndsEvent { get; internal set; }

    /// <summary>
    /// True for the item after which the run commits: the last of a received batch, once a batch's worth of events
    /// came since the last commit or the reader caught up (for a shared reader, the last of each processor batch).
    /// </summary>
    public bool EndsBatch { get; internal set; }

    /// <summary>For items read through a processor: true once the batch was handed back (claim lost, stopped).</summary>
    internal Func<bool>? WithdrawnCheck { get; set; }

    /// <summary>
    /// True when the item must not be written any more: its batch was handed back because another consumer took the
    /// partition (that consumer delivers it) or the run stopped.
    /// </summary>
    /// <remarks>Decided once, when first asked (before the item is written), so the write and its acknowledgement agree.</remarks>
    public bool Withdrawn => _withdrawn ??= WithdrawnCheck?.Invoke() == true;

    private bool? _withdrawn;

    /// <summary>For items read through a processor: runs when the item went down the pipeline.</summary>
    internal Action? OnDelivered { get; set; }

    /// <summary>
    /// Call once this item went down the pipeline. Read through a shared checkpoint container, the event counts as
    /// delivered after its last record, and the batch is checkpointed after its last item (never before).
    /// </summary>
    public void Acknowledge() => OnDelivered?.Invoke();
}
