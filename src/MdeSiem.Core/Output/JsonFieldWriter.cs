using System;
using System.Reflection;
using System.Text.Json;
using MdeSiem.Core.Forwarding;

namespace MdeSiem.Core.Output;

/// <summary>
/// Writes one property of a typed record as a JSON member, read through a getter compiled for the property's own
/// type: strings, times, whole numbers and booleans (and their nullable forms) go straight to the writer, without
/// being boxed and sorted by <see cref="ObjectFields.ConvertValue"/> and <see cref="JsonLineFormatter"/>. Every
/// other type takes that general path, so the line is the same either way (TypedJsonLineWriterTests).
/// </summary>
internal abstract class JsonFieldWriter
{
    protected JsonFieldWriter(JsonEncodedText name) => Name = name;

    protected JsonEncodedText Name { get; }

    public abstract void Write(Utf8JsonWriter writer, object record);

    /// <summary>The writers of a record type's fields, in the order <see cref="ObjectFields"/> reads them.</summary>
    public static JsonFieldWriter[] PlanFor(Type type)
    {
        var properties = ObjectFields.ReadablePropertiesOf(type);
        var writers = new JsonFieldWriter[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            writers[i] = For(type, properties[i]);
        }

        return writers;
    }

    private static JsonFieldWriter For(Type type, PropertyInfo property)
    {
        var name = JsonEncodedText.Encode(property.Name, JsonLineFormatter.Options.Encoder);
        var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (valueType == typeof(string))
        {
            return new StringFieldWriter(name, ObjectFields.CompileGetter<string?>(type, property));
        }

        if (valueType == typeof(DateTime))
        {
            return new ValueFieldWriter<DateTime>(name, ObjectFields.CompileGetter<DateTime?>(type, property), WriteUtcTime);
        }

        if (valueType == typeof(bool))
        {
            return new ValueFieldWriter<bool>(name, ObjectFields.CompileGetter<bool?>(type, property), (writer, member, flag) => writer.WriteBoolean(member, flag));
        }

        // Every whole number that fits a long is written as its digits, as the general path writes it.
        if (valueType == typeof(int) || valueType == typeof(long) || valueType == typeof(short) || valueType == typeof(byte)
            || valueType == typeof(sbyte) || valueType == typeof(ushort) || valueType == typeof(uint))
        {
            return new ValueFieldWriter<long>(name, ObjectFields.CompileGetter<long?>(type, property), (writer, member, number) => writer.WriteNumber(member, number));
        }

        return new ConvertedFieldWriter(name, ObjectFields.CompileGetter<object?>(type, property));
    }

    // A time in its UTC form (FieldValues.FormatUtc's), formatted into the stack, not into a string.
    private static void WriteUtcTime(Utf8JsonWriter writer, JsonEncodedText name, DateTime time)
    {
        Span<byte> utf8 = stackalloc byte[Utf8UtcTime.MaxLength];
        var length = Utf8UtcTime.Format(FieldValues.ToUtc(time), utf8);
        writer.WriteString(name, utf8.Slice(0, length));
    }
}
