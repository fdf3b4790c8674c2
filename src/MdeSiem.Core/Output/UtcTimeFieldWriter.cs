using System;
using System.Text.Json;
using MdeSiem.Core.Forwarding;

namespace MdeSiem.Core.Output;

/// <summary>A time property: its UTC form (<see cref="FieldValues.FormatUtc"/>), or null.</summary>
internal sealed class UtcTimeFieldWriter : JsonFieldWriter
{
    private readonly Func<object, DateTime?> _read;

    public UtcTimeFieldWriter(JsonEncodedText name, Func<object, DateTime?> read)
        : base(name) => _read = read;

    public override void Write(Utf8JsonWriter writer, object record)
    {
        if (_read(record) is { } time)
        {
            Span<byte> utf8 = stackalloc byte[Utf8UtcTime.MaxLength];
            var length = Utf8UtcTime.Format(FieldValues.ToUtc(time), utf8);
            writer.WriteString(Name, utf8.Slice(0, length));
        }
        else
        {
            writer.WriteNull(Name);
        }
    }
}
