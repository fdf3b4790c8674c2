using System;
using System.Collections.Generic;
using System.Globalization;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Output;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// A single consumer's hub run against a checkpoint file (the module's format, store and lock): "positions" keeps,
/// per partition id, the first sequence number not delivered yet. A partition's position moves only after the
/// event's last record went down the pipeline, and the file is rewritten (atomically) at the end of each received
/// batch, so a run killed mid-pull re-delivers at most the batch it was in and never skips an event.
/// <para>
/// One event holds many records. A run that stops inside an event (a downstream Select-Object -First, a failure)
/// also keeps how many of that event's records went out, as "positions" entry "&lt;partition&gt;+records", so the
/// next run skips them instead of delivering them again. Files without such entries read as before.
/// </para>
/// </summary>
public sealed class HubCheckpointRun : IDisposable, IOutFileCheckpoint
{
    public const string Api = "StreamingApiEventHubs";

    // Suffix of the positions entry that counts the delivered records of a partition's next event.
    private const string RecordsSuffix = "+records";

    private readonly CheckpointLock _lock;
    private readonly CheckpointDocument _document;
    private readonly Dictionary<string, long> _next = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _recordsOfNext = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _outputs = new(StringComparer.Ordinal);
    private bool _dirty;

    private HubCheckpointRun(string path, CheckpointLock heldLock, CheckpointDocument document)
    {
        Path = path;
        _lock = heldLock;
        _document = document;
        foreach (var position in document.Positions)
        {
            if (position.Key.EndsWith(RecordsSuffix, StringComparison.Ordinal))
            {
                _recordsOfNext[position.Key.Substring(0, position.Key.Length - RecordsSuffix.Length)] = (int)position.Value;
            }
            else
            {
                _next[position.Key] = position.Value;
            }
        }
    }

    public string Path { get; }

    /// <summary>Per partition, the first sequence number not delivered yet.</summary>
    public IReadOnlyDictionary<string, long> NextSequenceNumbers => _next;

    /// <summary>Per partition, how many records of the event at its next sequence number were delivered already.</summary>
    public IReadOnlyDictionary<string, int> RecordsDeliveredOfNext => _recordsOfNext;

    /// <summary>Events delivered by this run.</summary>
    public int DeliveredEvents { get; private set; }

    /// <summary>The -OutFile lengths the checkpoint covers, per file.</summary>
    public IReadOnlyDictionary<string, long> CoveredOutputs => _document.Outputs;

    /// <summary>
    /// Another namespace, hub or consumer group is another checkpoint, and so is another table filter: a run of one
    /// table moves the positions past the other tables' records without delivering them, so a later run of another
    /// table (or of every table) on that file would never deliver them. Such a run is refused, as a pull with other
    /// filters is everywhere in the module. A run of every table keeps the scope it had before tables were in it.
    /// </summary>
    /// <param name="table">The -EventType table the run reads; null for every table.</param>
    public static string ScopeOf(EventHubTarget target, string? table)
    {
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        var scope = $"namespace={target.FullyQualifiedNamespace.ToLowerInvariant()};hub={target.HubName.ToLowerInvariant()};consumerGroup={target.ConsumerGroup.ToLowerInvariant()}";
        return table is null ? scope : scope + ";table=" + table.ToLowerInvariant();
    }

    /// <param name="table">The -EventType table the run reads; null for every table.</param>
    public static HubCheckpointRun Begin(string pathOrName, string tenantId, EventHubTarget target, string? table, TimeSpan staleLockAge)
    {
        var (path, heldLock, document) = CheckpointStore.OpenLocked(pathOrName, Api, tenantId, ScopeOf(target, table), staleLockAge);
        return new HubCheckpointRun(path, heldLock, document);
    }

    /// <summary>
    /// The -OutFile journal's key of an item: partition, sequence number, the record's place in its event, and
    /// whether it ends the event ("0/42/3/e").
    /// </summary>
    public static string KeyOf(HubRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        return string.Join("/", record.PartitionId, record.SequenceNumber.ToString(CultureInfo.InvariantCulture), record.RecordIndex.ToString(CultureInfo.InvariantCulture), record.EndsEvent ? "e" : "-");
    }

    /// <summary>Call once the item has gone down the pipeline.</summary>
    public void MarkDelivered(HubRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        MarkDelivered(record.PartitionId, record.SequenceNumber, record.RecordIndex, record.EndsEvent);
    }

    /// <summary>Call once the event's last record has gone down the pipeline.</summary>
    public void MarkDelivered(string partitionId, long sequenceNumber) => MarkDelivered(partitionId, sequenceNumber, -1, endsEvent: true);

    /// <summary>A line a killed run wrote completely: its record counts as delivered (its event, if it was the last).</summary>
    void IOutFileCheckpoint.AdoptDelivered(JournalEntry entry)
    {
        var parts = entry.Key.Split('/');
        if (parts.Length == 4
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequenceNumber)
            && int.TryParse(parts[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var recordIndex))
        {
            MarkDelivered(parts[0], sequenceNumber, recordIndex, parts[3] == "e");
        }
    }

    /// <summary>The -OutFile files' lengths once this run's lines are on stable storage, saved with the next commit.</summary>
    public void RecordOutputs(IReadOnlyDictionary<string, long> lengths)
    {
        foreach (var entry in lengths ?? throw new ArgumentNullException(nameof(lengths)))
        {
            _outputs[entry.Key] = entry.Value;
            _dirty = true;
        }
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

        foreach (var records in _recordsOfNext)
        {
            next.Positions[records.Key + RecordsSuffix] = records.Value;
        }

        foreach (var output in _outputs.Count > 0 ? _outputs : _document.Outputs)
        {
            next.Outputs[output.Key] = output.Value;
        }

        CheckpointStore.Write(Path, next);
        _dirty = false;
    }

    public void Dispose() => _lock.Dispose();

    private void MarkDelivered(string partitionId, long sequenceNumber, int recordIndex, bool endsEvent)
    {
        var known = _next.TryGetValue(partitionId, out var next) ? next : (long?)null;
        if (endsEvent)
        {
            if (known is null || sequenceNumber + 1 > known)
            {
                _next[partitionId] = sequenceNumber + 1;
                _recordsOfNext.Remove(partitionId);
                _dirty = true;
            }

            DeliveredEvents++;
            return;
        }

        // A record inside its event: the event stays next, with one more of its records delivered.
        if (known is null || sequenceNumber >= known)
        {
            if (known != sequenceNumber)
            {
                _recordsOfNext.Remove(partitionId);
            }

            _next[partitionId] = sequenceNumber;
            var delivered = recordIndex + 1;
            if (!_recordsOfNext.TryGetValue(partitionId, out var before) || delivered > before)
            {
                _recordsOfNext[partitionId] = delivered;
            }

            _dirty = true;
        }
    }
}
