using System;
using System.Text.Json;

namespace MdeSiem.Core.Output;

/// <summary>A string property: its text, or null.</summary>
internal sealed class StringFieldWriter : JsonFieldWriter
{
    private readonly Func<object, string?> _read;

    public StringFieldWriter(JsonEncodedText name, Func<object, string?> read)
        : base(name) => _read = read;

    public override void Write(Utf8JsonWriter writer, object record)
    {
        if (_read(record) is { } text)
        {
            writer.WriteString(Name, text);
        }
        else
        {
            writer.WriteNull(Name);
        }
    }
}
