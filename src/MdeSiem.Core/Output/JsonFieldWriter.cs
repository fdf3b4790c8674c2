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
            return new UtcTimeFieldWriter(name, ObjectFields.CompileGetter<DateTime?>(type, property));
        }

        if (valueType == typeof(bool))
        {
            return new BooleanFieldWriter(name, ObjectFields.CompileGetter<bool?>(type, property));
        }

        if (valueType == typeof(int) || valueType == typeof(long) || valueType == typeof(short) || valueType == typeof(byte)
            || valueType == typeof(sbyte) || valueType == typeof(ushort) || valueType == typeof(uint))
        {
            return new IntegerFieldWriter(name, ObjectFields.CompileGetter<long?>(type, property));
        }

        return new ConvertedFieldWriter(name, ObjectFields.CompileGetter<object?>(type, property));
    }
}
