namespace MdeSiem.Simulator.EventHubs;

/// <summary>One Advanced Hunting record the simulated hub published, and where: the tests' ground truth.</summary>
/// <param name="PartitionId">The partition of the event holding the record.</param>
/// <param name="SequenceNumber">The event's sequence number in that partition.</param>
/// <param name="Table">AlertInfo or AlertEvidence.</param>
/// <param name="Json">The record as published.</param>
public sealed record PublishedRecord(string PartitionId, long SequenceNumber, string Table, string Json);
