using System;
using System.Collections.Generic;
using MdeSiem.Core.Checkpoints;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// A single consumer's hub run against a checkpoint file (the module's format, store and lock): "positions" keeps,
/// per partition id, the first sequence number not delivered yet. A partition's position moves only after the
/// event's last record went down the pipeline, and the file is rewritten (atomically) at the end of each received
/// batch, so a run killed mid-pull re-delivers at most the batch it was in and never skips an event.
/// </summary>
public sealed class HubCheckpointRun : IDisposable
{
    public const string Api = "StreamingApiEventHubs";

    private readonly CheckpointLock _lock;
    private readonly CheckpointDocument _document;
    private readonly Dictionary<string, long> _next;
    private bool _dirty;

    private HubCheckpointRun(string path, CheckpointLock heldLock, CheckpointDocument document)
    {
        Path = path;
        _lock = heldLock;
        _document = document;
        _next = new Dictionary<string, long>(document.Positions, StringComparer.Ordinal);
    }

    public string Path { get; }

    /// <summary>Per partition, the first sequence number not delivered yet.</summary>
    public IReadOnlyDictionary<string, long> NextSequenceNumbers => _next;

    /// <summary>Events delivered by this run.</summary>
    public int DeliveredEvents { get; private set; }

    /// <summary>Another namespace, hub or consumer group is another checkpoint.</summary>
    public static string ScopeOf(EventHubTarget target)
    {
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        return $"namespace={target.FullyQualifiedNamespace.ToLowerInvariant()};hub={target.HubName.ToLowerInvariant()};consumerGroup={target.ConsumerGroup.ToLowerInvariant()}";
    }

    public static HubCheckpointRun Begin(string pathOrName, string tenantId, EventHubTarget target, TimeSpan staleLockAge)
    {
        var (path, heldLock, document) = CheckpointStore.OpenLocked(pathOrName, Api, tenantId, ScopeOf(target), staleLockAge);
        return new HubCheckpointRun(path, heldLock, document);
    }

    /// <summary>Call once the event's last record has gone down the pipeline.</summary>
    public void MarkDelivered(string partitionId, long sequenceNumber)
    {
        if (!_next.TryGetValue(partitionId, out var known) || sequenceNumber + 1 > known)
        {
            _next[partitionId] = sequenceNumber + 1;
            _dirty = true;
        }

        DeliveredEvents++;
    }

    /// <summary>Writes the positions delivered so far, if they moved since the last write.</summary>
    public void Commit()
    {
        if (!_dirty)
        {
            return;
        }

        var next = _document.Successor(_document.WatermarkUtc);
        foreach (var position in _next)
        {
            next.Positions[position.Key] = position.Value;
        }

        CheckpointStore.Write(Path, next);
        _dirty = false;
    }

    public void Dispose() => _lock.Dispose();
}
