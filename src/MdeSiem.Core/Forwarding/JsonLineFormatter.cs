using System;
using System.Collections;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Writes a record as one compact JSON object on one line: properties in the record's own order, times as UTC
/// ISO 8601 with Z, nulls kept (a SIEM's schema sees every column every time). JSON escapes every control
/// character, so the text never holds a line break and lines appended with Add-Content make a valid file.
/// </summary>
public static class JsonLineFormatter
{
    private const int MaxDepth = 16;

    internal static readonly JsonWriterOptions Options = new()
    {
        // Readable non-ASCII text and URLs; control characters, quotes and backslashes are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Format(IFieldSource source)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            WriteObject(writer, source, 0);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteObject(Utf8JsonWriter writer, IFieldSource source, int depth)
    {
        writer.WriteStartObject();
        foreach (var field in source.Fields)
        {
            writer.WritePropertyName(field.Key);
            WriteValue(writer, field.Value, depth + 1);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes one field value (as <see cref="FieldSource"/> holds it) at <paramref name="depth"/> in the record.</summary>
    internal static void WriteValue(Utf8JsonWriter writer, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            writer.WriteStringValue(FieldValues.ToText(value));
            return;
        }

        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateTime or DateTimeOffset:
                writer.WriteStringValue(FieldValues.ToText(value));
                break;
            case int or long or short or byte or sbyte or ushort or uint or ulong or decimal:
                writer.WriteRawValue(FieldValues.ToText(value)!, skipInputValidation: true);
                break;
            case double number when !double.IsNaN(number) && !double.IsInfinity(number):
                writer.WriteNumberValue(number);
                break;
            case float number when !float.IsNaN(number) && !float.IsInfinity(number):
                writer.WriteNumberValue(number);
                break;
            case IFieldSource nested:
                WriteObject(writer, nested, depth);
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item, depth + 1);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(FieldValues.ToText(value));
                break;
        }
    }
}
