using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Checkpoints;

/// <summary>
/// What a checkpoint file holds (format version 1, documented in docs/checkpoints.md): which pull it belongs to,
/// the watermark up to which everything has been pulled, and the keys of records already delivered inside the
/// overlap window, so a re-read of that window delivers nothing twice.
/// </summary>
public sealed class CheckpointDocument
{
    public const string FormatName = "MdeSiem.Checkpoint";

    public const int CurrentVersion = 1;

    /// <summary>The API the watermark is about, e.g. "SiemAlerts".</summary>
    public string Api { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    /// <summary>The filters of the pull (machine groups, tags, region): another scope is another checkpoint.</summary>
    public string Scope { get; set; } = string.Empty;

    /// <summary>Everything with a time before this has been pulled; null before the first successful run.</summary>
    public DateTime? WatermarkUtc { get; set; }

    /// <summary>Delivered record keys and their times, kept while they can still be read again.</summary>
    public Dictionary<string, DateTime> Delivered { get; } = new(StringComparer.Ordinal);

    public DateTime UpdatedUtc { get; set; }

    /// <summary>
    /// Byte offsets already delivered, per source that only grows (the Streaming API's hourly append blobs);
    /// written as "positions" only when there are any, so other pulls' files are unchanged.
    /// </summary>
    public Dictionary<string, long> Positions { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The -OutFile files of this pull and the length up to which the checkpoint covers each: lines past it were
    /// written by a run that did not commit. Written as "outputs" only when there are any.
    /// </summary>
    public Dictionary<string, long> Outputs { get; } = new(StringComparer.Ordinal);

    /// <summary>The next version of this checkpoint: same pull, the watermark given, stamped now; keys and positions empty.</summary>
    public CheckpointDocument Successor(DateTime? watermarkUtc) => new()
    {
        Api = Api,
        TenantId = TenantId,
        Scope = Scope,
        WatermarkUtc = watermarkUtc,
        UpdatedUtc = DateTime.UtcNow,
    };
}
