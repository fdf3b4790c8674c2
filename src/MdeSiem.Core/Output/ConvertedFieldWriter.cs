using System;
using System.Text.Json;
using MdeSiem.Core.Forwarding;

namespace MdeSiem.Core.Output;

/// <summary>
/// Any other property (enums, GUIDs, nested objects, lists, dictionaries, decimals): converted and written by the
/// general rules, the same as <c>JsonLineFormatter.Format(ObjectFields.From(record))</c>.
/// </summary>
internal sealed class ConvertedFieldWriter : JsonFieldWriter
{
    private readonly Func<object, object?> _read;

    public ConvertedFieldWriter(JsonEncodedText name, Func<object, object?> read)
        : base(name) => _read = read;

    public override void Write(Utf8JsonWriter writer, object record)
    {
        writer.WritePropertyName(Name);
        JsonLineFormatter.WriteValue(writer, ObjectFields.ConvertField(_read(record)), 1);
    }
}
