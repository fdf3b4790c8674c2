using System;
using System.Collections.Generic;
using MdeSiem.Core.Siem;

namespace MdeSiem.Core.Mapping;

/// <summary>
/// Gathers streamed SIEM records into the parts of each alert without holding the whole stream. The SIEM API writes
/// the parts of one alert close together, so an alert is taken as complete once more than <see cref="Window"/>
/// other alerts have started since its last part arrived; <see cref="Flush"/> completes the rest. A part arriving
/// after its alert was completed starts a new (partial) alert with the same id.
/// </summary>
public sealed class SiemAlertMerger
{
    private readonly Dictionary<string, LinkedListNode<OpenAlert>> _open = new(StringComparer.Ordinal);

    // Least recently touched first, so the alerts to complete are always at the head.
    private readonly LinkedList<OpenAlert> _byLastPart = new();
    private long _alertsStarted;

    public SiemAlertMerger(int window)
    {
        if (window < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(window));
        }

        Window = window;
    }

    public int Window { get; }

    /// <summary>Adds a record (with an AlertId); returns the alerts that are now complete, oldest first.</summary>
    public IReadOnlyList<IReadOnlyList<MdeSiemAlert>> Add(MdeSiemAlert record)
    {
        string id = record.AlertId ?? throw new ArgumentException("The record has no AlertId.", nameof(record));
        if (_open.TryGetValue(id, out var node))
        {
            _byLastPart.Remove(node);
        }
        else
        {
            _alertsStarted++;
            node = new LinkedListNode<OpenAlert>(new OpenAlert());
            _open[id] = node;
        }

        node.Value.Parts.Add(record);
        node.Value.StartedBeforeLastPart = _alertsStarted;
        _byLastPart.AddLast(node);

        List<IReadOnlyList<MdeSiemAlert>>? complete = null;
        while (_byLastPart.First is { } oldest && _alertsStarted - oldest.Value.StartedBeforeLastPart > Window)
        {
            (complete ??= new List<IReadOnlyList<MdeSiemAlert>>()).Add(Close(oldest));
        }

        return complete ?? (IReadOnlyList<IReadOnlyList<MdeSiemAlert>>)Array.Empty<IReadOnlyList<MdeSiemAlert>>();
    }

    /// <summary>Completes every open alert, in the order of their last parts.</summary>
    public IReadOnlyList<IReadOnlyList<MdeSiemAlert>> Flush()
    {
        var complete = new List<IReadOnlyList<MdeSiemAlert>>(_byLastPart.Count);
        while (_byLastPart.First is { } oldest)
        {
            complete.Add(Close(oldest));
        }

        return complete;
    }

    private IReadOnlyList<MdeSiemAlert> Close(LinkedListNode<OpenAlert> node)
    {
        _byLastPart.Remove(node);
        _open.Remove(node.Value.Parts[0].AlertId!);
        return node.Value.Parts;
    }

    private sealed class OpenAlert
    {
        // Most alerts have one or two parts.
        public List<MdeSiemAlert> Parts { get; } = new(2);

        /// <summary>How many alerts had started when the last part arrived.</summary>
        public long StartedBeforeLastPart { get; set; }
    }
}
