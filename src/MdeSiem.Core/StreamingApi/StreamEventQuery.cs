using System;

namespace MdeSiem.Core.StreamingApi;

/// <summary>What one read of a table's export covers.</summary>
public sealed class StreamEventQuery
{
    /// <summary>
    /// How long after its hour ends a blob may still grow: the export writes a little after the hour turns. A blob
    /// is final (its last line is read even without a line break) and settled for checkpoints only after this.
    /// </summary>
    public static readonly TimeSpan DefaultLateAppendAllowance = TimeSpan.FromHours(1);

    public StreamEventQuery(string table)
    {
        Table = StreamingTables.Normalize(table);
    }

    public string Table { get; }

    public string ContainerName => StreamingTables.ContainerName(Table);

    /// <summary>Records whose envelope time is before this are skipped (inclusive bound).</summary>
    public DateTime? SinceUtc { get; set; }

    /// <summary>Records whose envelope time is at or after this are skipped (exclusive bound).</summary>
    public DateTime? UntilUtc { get; set; }

    /// <summary>Blobs of hours before this are not listed (a checkpoint's watermark).</summary>
    public DateTime? FromHourUtc { get; set; }

    public DateTime NowUtc { get; set; } = DateTime.UtcNow;

    public TimeSpan LateAppendAllowance { get; set; } = DefaultLateAppendAllowance;

    /// <summary>
    /// Also hand out records outside the time window (without their event), so a checkpoint can move past them:
    /// else a first run with -Since would leave them for the next run, which reads without -Since.
    /// </summary>
    public bool ReportSkipped { get; set; }

    internal bool IsSettled(DateTime hourUtc) => hourUtc + TimeSpan.FromHours(1) + LateAppendAllowance <= NowUtc;
}
