using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using MdeSiem.Core.Forwarding;

namespace MdeSiem.Core.Output;

/// <summary>
/// The JSON line of a typed record, written straight from its compiled property getters into one reused buffer:
/// the same bytes as <c>JsonLineFormatter.Format(ObjectFields.From(record))</c>, without building a field set, a
/// string and its UTF-8 copy for every record. -OutFile JSON lines is the pull's hot path, and those per-record
/// objects cost more than parsing the record did.
/// </summary>
public sealed class TypedJsonLineWriter : IDisposable
{
    private static readonly ConcurrentDictionary<Type, JsonEncodedText[]> Names = new();

    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _writer;

    public TypedJsonLineWriter() => _writer = new Utf8JsonWriter(_buffer, JsonLineFormatter.Options);

    /// <summary>
    /// The record's line as UTF-8, without its newline. The bytes are valid until the next call.
    /// </summary>
    public ArraySegment<byte> Format(object record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        var type = record.GetType();
        var getters = ObjectFields.GettersOf(type);
        var names = Names.GetOrAdd(type, EncodeNamesOf);
        _buffer.SetLength(0);
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        for (var i = 0; i < getters.Length; i++)
        {
            _writer.WritePropertyName(names[i]);
            JsonLineFormatter.WriteValue(_writer, ObjectFields.ConvertField(getters[i].Value(record)), 1);
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

    // A method group, not a lambda over the getters: the hot path allocates no closure per record.
    private static JsonEncodedText[] EncodeNamesOf(Type type)
    {
        var getters = ObjectFields.GettersOf(type);
        var names = new JsonEncodedText[getters.Length];
        for (var i = 0; i < getters.Length; i++)
        {
            names[i] = JsonEncodedText.Encode(getters[i].Key, JsonLineFormatter.Options.Encoder);
        }

        return names;
    }
}
