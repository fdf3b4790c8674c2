using System;
using System.Text.Json;

namespace MdeSiem.Core.Output;

/// <summary>A whole-number property that fits a long: its digits, or null.</summary>
internal sealed class IntegerFieldWriter : JsonFieldWriter
{
    private readonly Func<object, long?> _read;

    public IntegerFieldWriter(JsonEncodedText name, Func<object, long?> read)
        : base(name) => _read = read;

    public override void Write(Utf8JsonWriter writer, object record)
    {
        if (_read(record) is { } number)
        {
            writer.WriteNumber(Name, number);
        }
        else
        {
            writer.WriteNull(Name);
        }
    }
}
