namespace MdeSiem.Core.EventHubs;

/// <summary>Where an event sits in a hub: the target of the error for an event that cannot be read.</summary>
public sealed class HubEventPosition
{
    public HubEventPosition(string partitionId, long sequenceNumber)
    {
        PartitionId = partitionId;
        SequenceNumber = sequenceNumber;
    }

    public string PartitionId { get; }

    public long SequenceNumber { get; }

    public override string ToString() => $"partition {PartitionId}, sequence number {SequenceNumber}";
}
