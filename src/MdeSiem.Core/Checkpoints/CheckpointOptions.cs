using System;

namespace MdeSiem.Core.Checkpoints;

/// <summary>How a checkpointed pull chooses its window.</summary>
public sealed class CheckpointOptions
{
    /// <summary>Each run re-reads this much before the watermark, to catch records that became queryable late.</summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Each run stops this long before now: records are queryable a little after their timestamp.</summary>
    public TimeSpan AvailabilityLag { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Where the very first run starts when no checkpoint exists yet.</summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A lock older than this is taken to belong to a run that died.</summary>
    public TimeSpan StaleLockAge { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How many delivered keys a run holds in memory as strings, for the earlier runs' keys and for its own (about
    /// 5 MB each at the default); the keys past these go to a temporary file beside the checkpoint (see
    /// <see cref="DeliveredKeys"/>). A setting for tests.
    /// </summary>
    internal int DeliveredKeysHeldInMemory { get; set; } = 20_000;
}
