using System;
using System.Text.Json;

namespace MdeSiem.Core.Output;

/// <summary>A boolean property: true, false, or null.</summary>
internal sealed class BooleanFieldWriter : JsonFieldWriter
{
    private readonly Func<object, bool?> _read;

    public BooleanFieldWriter(JsonEncodedText name, Func<object, bool?> read)
        : base(name) => _read = read;

    public override void Write(Utf8JsonWriter writer, object record)
    {
        if (_read(record) is { } flag)
        {
            writer.WriteBoolean(Name, flag);
        }
        else
        {
            writer.WriteNull(Name);
        }
    }
}
