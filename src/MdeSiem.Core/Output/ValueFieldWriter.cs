using System;
using System.Text.Json;

namespace MdeSiem.Core.Output;

/// <summary>
/// A property of a value type (a time, a whole number, a boolean, or its nullable form): written by
/// <paramref name="write"/> when it has a value, as null when not.
/// </summary>
/// <typeparam name="T">The property's type, without Nullable.</typeparam>
internal sealed class ValueFieldWriter<T> : JsonFieldWriter
    where T : struct
{
    private readonly Func<object, T?> _read;
    private readonly Action<Utf8JsonWriter, JsonEncodedText, T> _write;

    public ValueFieldWriter(JsonEncodedText name, Func<object, T?> read, Action<Utf8JsonWriter, JsonEncodedText, T> write)
        : base(name)
    {
        _read = read;
        _write = write;
    }

    public override void Write(Utf8JsonWriter writer, object record)
    {
        if (_read(record) is { } value)
        {
            _write(writer, Name, value);
        }
        else
        {
            writer.WriteNull(Name);
        }
    }
}
