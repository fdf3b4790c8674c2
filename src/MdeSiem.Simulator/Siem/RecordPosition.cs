namespace MdeSiem.Simulator.Siem;

/// <summary>A record addressed by its batch and its index within the batch.</summary>
internal readonly record struct RecordPosition(SiemAlertGenerator Batch, long Index);
