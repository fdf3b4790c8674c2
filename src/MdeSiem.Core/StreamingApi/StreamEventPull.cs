using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MdeSiem.Core.Output;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// One run of Get-DefenderStreamEvent against the storage export: every blob of the window, or with a checkpoint
/// on from the blob offsets the last run delivered. The caller writes each item on the pipeline thread and then calls
/// <see cref="Delivered"/>; <see cref="Finish"/> moves the watermark when the read went through
/// (<see cref="Completed"/>), else keeps the offsets reached. An -OutFile's lines go to disk before Finish.
/// </summary>
public sealed class StreamEventPull : IDisposable
{
    private readonly StreamEventReader _reader;
    private readonly StreamEventQuery _query;
    private readonly StreamCheckpointRun? _run;
    private bool _completed;

    private StreamEventPull(StreamEventReader reader, StreamEventQuery query, StreamCheckpointRun? run)
    {
        _reader = reader;
        _query = query;
        _run = run;
    }

    /// <summary>The checkpoint, for -OutFile's journal; null without one.</summary>
    public IOutFileCheckpoint? Checkpoint => _run;

    /// <summary>True when the run keeps its place (the storage export has one way: a checkpoint file).</summary>
    public bool IsCheckpointed => _run is not null;

    /// <summary>Where this run starts, for the verbose log; read it after an -OutFile took over a killed run's lines.</summary>
    public string Description => _run is null
        ? "No checkpoint: every blob of the window."
        : $"Checkpoint {_run.Path}: {_run.Positions.Count} blob position(s), listing from {(_query.FromHourUtc?.ToString("o") ?? "the first blob")}.";

    /// <summary>What this run delivered, for the verbose log.</summary>
    public string? Summary => _run is null ? null : $"Checkpoint {_run.Path}: {_run.DeliveredCount} new record(s).";

    /// <summary>Opens the run; with a checkpoint, takes its lock and continues from its watermark (-Since then only places the first run).</summary>
    public static StreamEventPull Open(StreamStorageTarget target, StreamEventQuery query, string? checkpoint, string tenantId, TimeSpan staleLockAge)
    {
        if (target is null || query is null)
        {
            throw new ArgumentNullException(target is null ? nameof(target) : nameof(query));
        }

        var reader = new StreamEventReader(target);
        if (checkpoint is null)
        {
            return new StreamEventPull(reader, query, null);
        }

        var run = StreamCheckpointRun.Begin(checkpoint, tenantId, StreamCheckpointRun.ScopeOf(target, query), staleLockAge);
        if (run.WatermarkHourUtc is { } watermark)
        {
            query.SinceUtc = null;
            query.FromHourUtc = watermark;
        }

        // Records outside the window still move their blob's offset: the reader reports them as items without a record.
        query.ReportSkipped = true;
        return new StreamEventPull(reader, query, run);
    }

    /// <summary>The items to write, read ahead on a worker, from the offsets the checkpoint holds now.</summary>
    public IAsyncEnumerable<StreamedRecord> ReadAsync(CancellationToken cancellationToken)
    {
        // The reader runs on a worker: it gets its own copy of the positions the pipeline thread moves.
        var positions = _run?.Positions.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return _reader.ReadAsync(_query, positions, cancellationToken);
    }

    /// <summary>Call on the pipeline thread once the item went down the pipeline (also for one a downstream command took last).</summary>
    public void Delivered(StreamedRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        _run?.MarkDelivered(record.BlobName, record.EndOffset, record.Event is not null);
    }

    /// <summary>Call when every item was written: <see cref="Finish"/> may then move the watermark.</summary>
    public void Completed() => _completed = true;

    /// <summary>Commits the checkpoint: the watermark moves after a completed read, else the offsets reached are kept.</summary>
    public void Finish()
    {
        if (_run is null)
        {
            return;
        }

        if (_completed)
        {
            _run.Commit(_reader.SeenBlobs, _query);
        }
        else
        {
            _run.SaveProgress();
        }
    }

    public void Dispose() => _run?.Dispose();
}
