using System;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Checkpoints;

/// <summary>
/// A part of a pull's time window whose records may not all have been delivered: a 206 answer that left a provider
/// out, or a piece that failed even after splitting. A checkpointed run keeps its watermark before the gap's start,
/// so the next run reads the piece again.
/// </summary>
public sealed class WindowGap
{
    public WindowGap(DateTime? fromUtc, DateTime? untilUtc, MdeSiemException error)
    {
        FromUtc = fromUtc;
        UntilUtc = untilUtc;
        Error = error ?? throw new ArgumentNullException(nameof(error));
    }

    /// <summary>Start of the piece (inclusive); null when the piece starts wherever the pull started.</summary>
    public DateTime? FromUtc { get; }

    /// <summary>End of the piece (exclusive); null when it is open-ended.</summary>
    public DateTime? UntilUtc { get; }

    /// <summary>What went wrong, as the non-terminating error the cmdlet writes.</summary>
    public MdeSiemException Error { get; }
}
