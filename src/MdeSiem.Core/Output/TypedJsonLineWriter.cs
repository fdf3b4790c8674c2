using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text.Json;
using MdeSiem.Core.Forwarding;

namespace MdeSiem.Core.Output;

/// <summary>
/// The JSON line of a typed record, written straight from its properties into one reused buffer: the same bytes as
/// <c>JsonLineFormatter.Format(ObjectFields.From(record))</c>, without building a field set, a string and its UTF-8
/// copy for every record. -OutFile JSON lines is the pull's hot path, and those per-record objects cost more than
/// parsing the record did. Each field is written by a <see cref="JsonFieldWriter"/> made once per record type.
/// </summary>
public sealed class TypedJsonLineWriter : IDisposable
{
    private static readonly ConcurrentDictionary<Type, JsonFieldWriter[]> Plans = new();

    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _writer;

    // The general formatter's options without the writer's checks of each call against the JSON grammar: this
    // writer only ever writes one flat object of named members, and those checks were a part of every field's cost.
    // The bytes are the same (TypedJsonLineWriterTests).
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JsonLineFormatter.Options.Encoder,
        Indented = JsonLineFormatter.Options.Indented,
        SkipValidation = true,
    };

    public TypedJsonLineWriter() => _writer = new Utf8JsonWriter(_buffer, Options);

    /// <summary>
    /// The record's line as UTF-8, without its newline. The bytes are valid until the next call.
    /// </summary>
    public ArraySegment<byte> Format(object record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        // A method group, not a lambda: the hot path allocates no closure per record.
        var fields = Plans.GetOrAdd(record.GetType(), JsonFieldWriter.PlanFor);
        _buffer.SetLength(0);
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        foreach (var field in fields)
        {
            field.Write(_writer, record);
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return new ArraySegment<byte>(_buffer.GetBuffer(), 0, (int)_buffer.Length);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _buffer.Dispose();
    }
}
