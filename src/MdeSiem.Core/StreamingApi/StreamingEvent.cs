using System;
using System.Collections.Generic;
using System.Text.Json;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// One record of the Streaming API's storage export: the envelope (time, tenantId, operationName, category) and the
/// Advanced Hunting event in "properties". Tables without a type of their own keep every column in
/// <see cref="GetAdditionalProperties"/>; typed events (AlertInfo, AlertEvidence) keep only columns they do not know.
/// </summary>
public class StreamingEvent
{
    private static readonly KeyValuePair<string, object?>[] NoColumns = new KeyValuePair<string, object?>[0];

    // Made on the first unknown column: a typed event usually has none, and readers make half a million a run.
    private List<KeyValuePair<string, object?>>? _additional;

    /// <summary>The Advanced Hunting table, e.g. DeviceEvents (from the record's category, else from the container).</summary>
    public string Table { get; internal set; } = string.Empty;

    /// <summary>The envelope's time: when Defender XDR received the event (UTC). -Since and -Until filter on it.</summary>
    public DateTime? ReceivedTimeUtc { get; internal set; }

    public string? TenantId { get; internal set; }

    /// <summary>The envelope's operation name ("Publish").</summary>
    public string? OperationName { get; internal set; }

    /// <summary>The blob the record was read from.</summary>
    public string BlobName { get; internal set; } = string.Empty;

    /// <summary>
    /// The event's columns this type has no property for, in the record's order. Values are string, long, double,
    /// bool, null, a nested list of name/value pairs (JSON object) or an object array (JSON array).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object?>> GetAdditionalProperties() => (IReadOnlyList<KeyValuePair<string, object?>>?)_additional ?? NoColumns;

    internal void AddAdditional(string name, object? value) => (_additional ??= new()).Add(new KeyValuePair<string, object?>(name, value));

    /// <summary>Puts the envelope's extra fields ahead of the event's unknown columns, whatever order they came in.</summary>
    internal void InsertAdditionalFirst(IEnumerable<KeyValuePair<string, object?>> fields) => (_additional ??= new()).InsertRange(0, fields);

    /// <summary>
    /// Sets the typed property of a column from the reader's current value; false when the type has none (or the
    /// value does not fit), and then the reader has not moved. <paramref name="repeated"/> is the thread's cache of
    /// values for the columns whose values repeat (fetched once per record by the parser).
    /// </summary>
    internal virtual bool TrySetColumn(string name, ref Utf8JsonReader value, JsonStringCache repeated) => false;
}
