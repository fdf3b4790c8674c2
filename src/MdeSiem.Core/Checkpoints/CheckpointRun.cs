using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Output;

namespace MdeSiem.Core.Checkpoints;

/// <summary>
/// One scheduled run against a checkpoint: it holds the lock, chooses the window (watermark minus the overlap, up
/// to now minus the availability lag), skips records delivered by earlier runs, and records what this run
/// delivers. Only a run that delivered everything moves the watermark; a failed or cancelled run keeps the old
/// watermark and adds the keys it did deliver, so the re-run repeats nothing and loses nothing.
/// <para>
/// Threads: <see cref="SkipDelivered{T}"/> runs on the prefetch worker (it filters the stream before it is queued
/// for the pipeline) while <see cref="MarkDelivered"/> runs on the pipeline thread after each write. The keys of
/// this run therefore live in a set made for concurrent use and the skip count is bumped atomically; a record
/// marked before the worker looks it up is always seen. Begin, Commit, SaveProgress and Dispose run on the
/// pipeline thread once the stream has ended.
/// </para>
/// <para>
/// Memory: the keys earlier runs delivered and the keys of this run are each held by a <see cref="DeliveredKeys"/>,
/// which keeps a hash of each and spills the keys themselves to a temporary file past a limit, so a run of millions
/// of records (or the run after a failed one that saved millions) grows by tens of megabytes, not hundreds.
/// </para>
/// </summary>
public sealed class CheckpointRun : IDisposable, IOutFileCheckpoint
{
    private readonly CheckpointLock _lock;
    private readonly CheckpointDocument _document;
    private readonly CheckpointOptions _options;
    private readonly DeliveredKeys _deliveredBefore;
    private readonly DeliveredKeys _deliveredNow;
    private int _skippedCount;
    private readonly Dictionary<string, long> _outputs = new(StringComparer.Ordinal);
    private bool _finished;

    private CheckpointRun(string path, CheckpointLock heldLock, CheckpointDocument document, DeliveredKeys deliveredBefore, CheckpointOptions options, DateTime sinceUtc, DateTime untilUtc)
    {
        _deliveredBefore = deliveredBefore;
        Path = path;
        _lock = heldLock;
        _document = document;
        _options = options;
        SinceUtc = sinceUtc;
        UntilUtc = untilUtc;
        _deliveredNow = new DeliveredKeys(CheckpointStore.TemporaryFileBeside(path), options.DeliveredKeysHeldInMemory);
    }

    public string Path { get; }

    /// <summary>Start of this run's window (inclusive).</summary>
    public DateTime SinceUtc { get; }

    /// <summary>End of this run's window (exclusive).</summary>
    public DateTime UntilUtc { get; }

    /// <summary>Records delivered by this run so far.</summary>
    public int DeliveredCount => _deliveredNow.Count;

    /// <summary>Records skipped because an earlier run delivered them.</summary>
    public int SkippedCount => Volatile.Read(ref _skippedCount);

    /// <param name="pathOrName">A checkpoint file path, or a name in the state folder.</param>
    /// <param name="api">Which API's watermark this is.</param>
    /// <param name="tenantId">The tenant pulled from.</param>
    /// <param name="scope">The pull's filters, in a stable text form.</param>
    /// <param name="options">Overlap, availability lag and the first run's look-back.</param>
    /// <param name="initialSinceUtc">Where the first run starts; ignored once a watermark exists.</param>
    /// <param name="nowUtc">The current time (a parameter so tests control it).</param>
    public static CheckpointRun Begin(string pathOrName, string api, string tenantId, string scope, CheckpointOptions options, DateTime? initialSinceUtc, DateTime nowUtc)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var before = new DeliveredKeys(CheckpointStore.TemporaryFileBeside(CheckpointStore.ResolvePath(pathOrName)), options.DeliveredKeysHeldInMemory);
        CheckpointLock heldLock;
        string path;
        CheckpointDocument document;
        try
        {
            (path, heldLock, document) = CheckpointStore.OpenLocked(pathOrName, api, tenantId, scope, options.StaleLockAge, before.Add);
        }
        catch
        {
            before.Dispose();
            throw;
        }

        try
        {
            // Options out of range make these throw: the lock must not outlive the failed start.
            var until = nowUtc - options.AvailabilityLag;
            var since = document.WatermarkUtc is { } watermark
                ? watermark - options.Overlap
                : initialSinceUtc ?? nowUtc - options.InitialLookback;
            if (since > until)
            {
                since = until;
            }

            return new CheckpointRun(path, heldLock, document, before, options, since, until);
        }
        catch
        {
            before.Dispose();
            heldLock.Dispose();
            throw;
        }
    }

    /// <summary>Passes on only records no earlier run delivered (nor this one, should the service repeat one).</summary>
    public async IAsyncEnumerable<T> SkipDelivered<T>(
        IAsyncEnumerable<T> source,
        Func<T, string> key,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (source is null || key is null)
        {
            throw new ArgumentNullException(source is null ? nameof(source) : nameof(key));
        }

        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var id = key(item);
            if (_deliveredBefore.Contains(id) || _deliveredNow.Contains(id))
            {
                Interlocked.Increment(ref _skippedCount);
                continue;
            }

            yield return item;
        }
    }

    /// <summary>The -OutFile lengths the checkpoint covers, per file.</summary>
    public IReadOnlyDictionary<string, long> CoveredOutputs => _document.Outputs;

    /// <summary>
    /// The -OutFile files' lengths once this run's lines are on stable storage: saved with the checkpoint, so the
    /// next run knows which lines it covers.
    /// </summary>
    public void RecordOutputs(IReadOnlyDictionary<string, long> lengths)
    {
        foreach (var entry in lengths ?? throw new ArgumentNullException(nameof(lengths)))
        {
            _outputs[entry.Key] = entry.Value;
        }
    }

    /// <summary>Call once a record has gone down the pipeline.</summary>
    public void MarkDelivered(string key, DateTime? timeUtc) => _deliveredNow.Add(key, timeUtc ?? UntilUtc);

    /// <summary>The journal's key is the record's key, its time the record's time.</summary>
    void IOutFileCheckpoint.AdoptDelivered(JournalEntry entry) => MarkDelivered(entry.Key, entry.TimeUtc);

    /// <summary>Everything of the window was delivered: move the watermark and forget keys older than the next overlap.</summary>
    public void Commit() => Commit(gapFromUtc: null);

    /// <summary>
    /// The run went through, but the records from <paramref name="gapFromUtc"/> on may be incomplete (a 206 answer,
    /// a piece that could not be read): the watermark stops at the gap, so the next run reads it again, and the keys
    /// delivered after it are kept so that nothing is delivered twice. With no gap this is <see cref="Commit()"/>.
    /// </summary>
    public void Commit(DateTime? gapFromUtc)
    {
        var watermark = _document.WatermarkUtc is { } old && old > UntilUtc ? old : UntilUtc;
        if (gapFromUtc is { } gap && gap < UntilUtc)
        {
            // The next run starts at watermark - overlap: place it exactly at the gap. Keys from the gap on are
            // kept, which covers everything this run delivered after it.
            var resumeAt = (gap > SinceUtc ? gap : SinceUtc) + _options.Overlap;
            watermark = resumeAt < watermark ? resumeAt : watermark;
        }

        var keepFrom = watermark - _options.Overlap;
        Save(watermark, keepFrom);
    }

    /// <summary>The run failed or was stopped: keep the watermark, remember what did go out.</summary>
    public void SaveProgress()
    {
        if (_deliveredNow.Count > 0)
        {
            Save(_document.WatermarkUtc, DateTime.MinValue);
        }

        _finished = true;
    }

    public void Dispose()
    {
        // The spilled keys go first: once the lock is released, the next run may take it. The lock is released
        // whatever happens to them (the next run removes a spill file left behind).
        try
        {
            _deliveredBefore.Dispose();
            _deliveredNow.Dispose();
        }
        finally
        {
            _lock.Dispose();
        }
    }

    private void Save(DateTime? watermark, DateTime keepFrom)
    {
        if (_finished)
        {
            return;
        }

        var next = _document.Successor(watermark);

        // Only the files this run wrote can hold lines past the checkpoint (their journal is emptied once this is
        // saved); a run that wrote nothing keeps the previous lengths.
        foreach (var output in _outputs.Count > 0 ? _outputs : _document.Outputs)
        {
            next.Outputs[output.Key] = output.Value;
        }

        // The keys are streamed into the file (a failed run of millions saves them all). A key both sets hold (a
        // journaled line adopted after a save) is written once, with the later of its two times: it stays while
        // either time is still inside the overlap.
        var heldByBoth = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        CheckpointStore.Write(Path, next, EarlierRunsKept(keepFrom, heldByBoth).Concat(ThisRunKept(keepFrom, heldByBoth)));
        _finished = true;
    }

    /// <summary>The earlier runs' keys to keep; those this run holds too are set aside in <paramref name="heldByBoth"/>.</summary>
    private IEnumerable<KeyValuePair<string, DateTime>> EarlierRunsKept(DateTime keepFrom, Dictionary<string, DateTime> heldByBoth)
    {
        foreach (var entry in _deliveredBefore.Entries())
        {
            if (_deliveredNow.Contains(entry.Key))
            {
                heldByBoth[entry.Key] = entry.Value;
            }
            else if (entry.Value >= keepFrom)
            {
                yield return entry;
            }
        }
    }

    /// <summary>This run's keys to keep, a key both sets hold at the later of its times (read after <see cref="EarlierRunsKept"/>).</summary>
    private IEnumerable<KeyValuePair<string, DateTime>> ThisRunKept(DateTime keepFrom, Dictionary<string, DateTime> heldByBoth)
    {
        foreach (var entry in _deliveredNow.Entries())
        {
            var time = heldByBoth.TryGetValue(entry.Key, out var earlier) && earlier > entry.Value ? earlier : entry.Value;
            if (time >= keepFrom)
            {
                yield return new KeyValuePair<string, DateTime>(entry.Key, time);
            }
        }
    }
}
