namespace MdeSiem.Simulator.Generation;

/// <summary>Where a record sits inside its alert: the alert's first record, its part number and its part count.</summary>
internal readonly record struct AlertSlot(long FirstIndex, int Part, int PartCount);
