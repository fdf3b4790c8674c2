using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Output;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// One run of Get-DefenderStreamEvent against a hub, whichever way it keeps its place: alone from the start (or
/// -Since) of each partition, alone on from a checkpoint file, or as one of several consumers sharing a blob
/// checkpoint container. The caller writes each item on the pipeline thread and then calls <see cref="Delivered"/>;
/// a position is committed only after the items it covers went down the pipeline, after each item that ends a batch
/// (<see cref="HubRecord.EndsBatch"/>) and once more by <see cref="Finish"/>. <see cref="BeforeCommit"/> runs first each time, so an -OutFile's lines
/// are on stable storage before the checkpoint covering them moves.
/// </summary>
public sealed class HubEventPull : IDisposable
{
    private readonly HubReadQuery _query;
    private readonly HubStreamReader? _alone;
    private readonly HubSharedReader? _shared;
    private readonly HubCheckpointRun? _run;

    private HubEventPull(HubReadQuery query, HubStreamReader? alone, HubSharedReader? shared, HubCheckpointRun? run, string description)
    {
        _query = query;
        _alone = alone;
        _shared = shared;
        _run = run;
        Description = description;
    }

    /// <summary>How this run keeps its place, for the verbose log (never a key or SAS).</summary>
    public string Description { get; }

    /// <summary>The checkpoint file of a single consumer, for -OutFile's journal; null otherwise.</summary>
    public IOutFileCheckpoint? Checkpoint => _run;

    /// <summary>True when the place is kept at all (a checkpoint file or a shared container).</summary>
    public bool IsCheckpointed => _run is not null || _shared is not null;

    /// <summary>Runs before each commit (an -OutFile puts its lines on stable storage here).</summary>
    public Action? BeforeCommit { get; set; }

    /// <summary>Runs after each commit of a checkpoint file (an -OutFile forgets its journal here).</summary>
    public Action? AfterCommit { get; set; }

    /// <summary>Opens the run; with a checkpoint file, takes its lock.</summary>
    public static HubEventPull Open(EventHubTarget target, HubReadQuery query, HubPullOptions options, MdeSiemConnection? connection)
    {
        if (target is null || query is null || options is null)
        {
            throw new ArgumentNullException(target is null ? nameof(target) : query is null ? nameof(query) : nameof(options));
        }

        if (options.CheckpointContainer is not null)
        {
            if (options.Checkpoint is not null)
            {
                throw new MdeSiemException(ErrorCode.InvalidArgument, "-Checkpoint and -CheckpointContainer cannot be combined.")
                {
                    RecommendedAction = "Use -Checkpoint for a single consumer, -CheckpointContainer for consumers that share the hub.",
                };
            }

            var shared = HubCheckpointContainer.OpenReader(target, options.CheckpointContainer, options.CheckpointStorageConnectionString, connection, out var container);
            shared.LoadBalancingInterval = options.LoadBalancingInterval;
            return new HubEventPull(query, null, shared, null, $"Sharing the hub's partitions with the other consumers of the {container}.");
        }

        var reader = new HubStreamReader(target);
        if (options.Checkpoint is null)
        {
            return new HubEventPull(query, reader, null, null, "No checkpoint: every partition from its start" + (query.SinceUtc is null ? "." : " or -Since."));
        }

        var run = HubCheckpointRun.Begin(options.Checkpoint, options.TenantId, target, query.Table, options.StaleLockAge);
        return new HubEventPull(query, reader, null, run, $"Checkpoint {run.Path}: {run.NextSequenceNumbers.Count} partition position(s).");
    }

    /// <summary>
    /// The items to write, read a batch ahead. Call after an -OutFile took over what a killed run left (that moves
    /// the checkpoint's positions).
    /// </summary>
    public IAsyncEnumerable<HubRecord> ReadAsync(CancellationToken cancellationToken)
    {
        if (_shared is not null)
        {
            return _shared.ReadAsync(_query, cancellationToken);
        }

        if (_run is null)
        {
            return _alone!.ReadAsync(_query, new Dictionary<string, long>(), cancellationToken);
        }

        // The reader runs on a worker: it gets its own copies of the positions the pipeline thread moves.
        var next = _run.NextSequenceNumbers.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var records = _run.RecordsDeliveredOfNext.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return _alone!.ReadAsync(_query, next, cancellationToken, records);
    }

    /// <summary>
    /// False for an item that must not be written: read through a shared container, its batch was handed back
    /// (another consumer took the partition and delivers it, or the run stopped).
    /// </summary>
    public static bool IsDeliverable(HubRecord record) => !(record ?? throw new ArgumentNullException(nameof(record))).Withdrawn;

    /// <summary>Call on the pipeline thread once the item went down the pipeline (also for one a downstream command took last).</summary>
    public void Delivered(HubRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        if (_shared is not null)
        {
            if (record.Withdrawn)
            {
                return;
            }

            // The batch's last item checkpoints it in the container: its lines go to disk first.
            if (record.EndsBatch)
            {
                BeforeCommit?.Invoke();
            }

            record.Acknowledge();
            return;
        }

        if (_run is not null)
        {
            _run.MarkDelivered(record);
            if (record.EndsBatch)
            {
                Commit();
            }
        }
    }

    /// <summary>
    /// The run ended (done, failed or stopped): a checkpoint file keeps what went down the pipeline. Not called after
    /// an -OutFile write failed: the file and its journal then tell the next run what was written.
    /// </summary>
    public void Finish()
    {
        if (_run is not null)
        {
            Commit();
        }
        else
        {
            BeforeCommit?.Invoke();
        }
    }

    /// <summary>What the shared reader's processor reported and recovered from, for the verbose log.</summary>
    public IEnumerable<string> TakeProblems() => _shared?.TakeProblems() ?? Enumerable.Empty<string>();

    /// <summary>What this run delivered, for the verbose log.</summary>
    public string? Summary => _run is null ? null : $"Checkpoint {_run.Path}: {_run.DeliveredEvents} new event(s).";

    public void Dispose() => _run?.Dispose();

    private void Commit()
    {
        BeforeCommit?.Invoke();
        _run!.Commit();
        AfterCommit?.Invoke();
    }
}
