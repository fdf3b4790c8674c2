using System;

namespace MdeSiem.Core.EventHubs;

/// <summary>How a hub run keeps its place: not at all, in a checkpoint file (one consumer), or in a blob container shared by many consumers.</summary>
public sealed class HubPullOptions
{
    /// <summary>A checkpoint file path, or a name in the state folder; null for a run without one.</summary>
    public string? Checkpoint { get; set; }

    /// <summary>A blob container shared by every consumer of the hub (a URL, or a name with <see cref="CheckpointStorageConnectionString"/>).</summary>
    public string? CheckpointContainer { get; set; }

    /// <summary>The connection string of the storage account holding <see cref="CheckpointContainer"/>.</summary>
    public string? CheckpointStorageConnectionString { get; set; }

    /// <summary>How often consumers sharing the container renew and rebalance their partitions.</summary>
    public TimeSpan LoadBalancingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The tenant the checkpoint file belongs to (empty when the hub is read with a connection string).</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>A checkpoint lock older than this is taken over.</summary>
    public TimeSpan StaleLockAge { get; set; } = new Checkpoints.CheckpointOptions().StaleLockAge;
}
