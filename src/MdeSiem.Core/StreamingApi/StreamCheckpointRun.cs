using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Output;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// One scheduled read of a table's export against a checkpoint (the same file format, atomic store and lock as the
/// other pulls). The checkpoint keeps, per blob, the offset after the last line delivered, and a watermark hour:
/// blobs before it are finished (settled and read to their end) and are no longer listed or remembered. A blob's
/// offset moves only after its record went down the pipeline; a failed run keeps the offsets it reached.
/// </summary>
public sealed class StreamCheckpointRun : IDisposable, IOutFileCheckpoint
{
    public const string Api = "StreamingApi";

    private readonly CheckpointLock _lock;
    private readonly CheckpointDocument _document;
    private readonly Dictionary<string, long> _positions;
    private readonly Dictionary<string, long> _outputs = new(StringComparer.Ordinal);
    private bool _saved;

    private StreamCheckpointRun(string path, CheckpointLock heldLock, CheckpointDocument document)
    {
        Path = path;
        _lock = heldLock;
        _document = document;
        _positions = new Dictionary<string, long>(document.Positions, StringComparer.Ordinal);
    }

    public string Path { get; }

    /// <summary>The first hour still to list; null before the first completed run.</summary>
    public DateTime? WatermarkHourUtc => _document.WatermarkUtc;

    /// <summary>The offsets delivered so far, this run's included.</summary>
    public IReadOnlyDictionary<string, long> Positions => _positions;

    /// <summary>Records delivered by this run.</summary>
    public int DeliveredCount { get; private set; }

    /// <summary>The scope of a read: another account or container is another checkpoint.</summary>
    public static string ScopeOf(StreamStorageTarget target, StreamEventQuery query)
    {
        if (target is null || query is null)
        {
            throw new ArgumentNullException(target is null ? nameof(target) : nameof(query));
        }

        return $"account={target.AccountName};container={query.ContainerName}";
    }

    public static StreamCheckpointRun Begin(string pathOrName, string tenantId, string scope, TimeSpan staleLockAge)
    {
        var (path, heldLock, document) = CheckpointStore.OpenLocked(pathOrName, Api, tenantId, scope, staleLockAge);
        return new StreamCheckpointRun(path, heldLock, document);
    }

    /// <summary>The -OutFile lengths the checkpoint covers, per file.</summary>
    public IReadOnlyDictionary<string, long> CoveredOutputs => _document.Outputs;

    /// <summary>
    /// The -OutFile journal's key of a record: its blob and the offset its line ends at, which is all a blob
    /// position needs (lines are delivered in blob order, so a later line's offset covers the ones before it).
    /// </summary>
    public static string KeyOf(StreamedRecord record) =>
        (record ?? throw new ArgumentNullException(nameof(record))).BlobName + "#" + record.EndOffset.ToString(CultureInfo.InvariantCulture);

    /// <summary>A line a killed run wrote completely: its blob's position moves past its record.</summary>
    void IOutFileCheckpoint.AdoptDelivered(JournalEntry entry)
    {
        var split = entry.Key.LastIndexOf('#');
        if (split > 0 && long.TryParse(entry.Key.Substring(split + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var endOffset))
        {
            MarkDelivered(entry.Key.Substring(0, split), endOffset, countsAsRecord: false);
        }
    }

    /// <summary>The -OutFile files' lengths once this run's lines are on stable storage, saved with the checkpoint.</summary>
    public void RecordOutputs(IReadOnlyDictionary<string, long> lengths)
    {
        foreach (var entry in lengths ?? throw new ArgumentNullException(nameof(lengths)))
        {
            _outputs[entry.Key] = entry.Value;
        }
    }

    /// <summary>Call once the record ending at <paramref name="endOffset"/> has gone down the pipeline.</summary>
    public void MarkDelivered(string blobName, long endOffset, bool countsAsRecord = true)
    {
        if (!_positions.TryGetValue(blobName, out var known) || endOffset > known)
        {
            _positions[blobName] = endOffset;
        }

        if (countsAsRecord)
        {
            DeliveredCount++;
        }
    }

    /// <summary>
    /// Every listed blob was read to the length it had: move the watermark to the first blob that can still grow
    /// or was not read to its end, and forget the offsets of the blobs before it.
    /// </summary>
    public void Commit(IReadOnlyList<StreamBlobInfo> seen, StreamEventQuery query)
    {
        if (seen is null || query is null)
        {
            throw new ArgumentNullException(seen is null ? nameof(seen) : nameof(query));
        }

        // The first hour that is not settled yet; nothing at or after it can be finished.
        var firstOpenHour = StreamingBlobPath.Floor(query.NowUtc - query.LateAppendAllowance - TimeSpan.FromHours(1)) + TimeSpan.FromHours(1);
        var watermark = seen
            .Where(blob => !query.IsSettled(blob.HourUtc) || Position(blob.Name) < blob.Length)
            .Select(blob => (DateTime?)blob.HourUtc)
            .DefaultIfEmpty(firstOpenHour)
            .Min()!.Value;
        if (watermark > firstOpenHour)
        {
            watermark = firstOpenHour;
        }

        if (_document.WatermarkUtc is { } old && old > watermark)
        {
            watermark = old;
        }

        Save(watermark);
    }

    /// <summary>The run failed or was stopped: keep the watermark, remember the offsets reached.</summary>
    public void SaveProgress()
    {
        if (DeliveredCount > 0 || _outputs.Count > 0 || _positions.Count != _document.Positions.Count || _positions.Any(p => Position(p.Key, _document.Positions) != p.Value))
        {
            Save(_document.WatermarkUtc);
        }

        _saved = true;
    }

    public void Dispose() => _lock.Dispose();

    private long Position(string blobName) => Position(blobName, _positions);

    private static long Position(string blobName, IReadOnlyDictionary<string, long> positions) =>
        positions.TryGetValue(blobName, out var offset) ? offset : 0;

    private void Save(DateTime? watermark)
    {
        if (_saved)
        {
            return;
        }

        var next = _document.Successor(watermark);
        foreach (var position in _positions)
        {
            // Blobs before the watermark are finished: no later run lists them, so their offsets can go.
            if (watermark is not { } from || !StreamingBlobPath.TryParseHour(position.Key, out var hour) || hour >= from)
            {
                next.Positions[position.Key] = position.Value;
            }
        }

        // As CheckpointRun: only the files this run wrote can hold lines past the checkpoint.
        foreach (var output in _outputs.Count > 0 ? _outputs : _document.Outputs)
        {
            next.Outputs[output.Key] = output.Value;
        }

        CheckpointStore.Write(Path, next);
        _saved = true;
    }
}
