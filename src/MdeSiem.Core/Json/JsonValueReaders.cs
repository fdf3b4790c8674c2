using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace MdeSiem.Core.Json;

/// <summary>
/// Tolerant readers for one JSON value of a documented type, the one set the module's reader-based parsers share
/// (SIEM records, Streaming API records, hunting rows; Graph objects are bound from JsonElement by GraphObjectBinder).
/// Services drift (a number sent as a string, "" where null is
/// meant): each reader accepts the shapes seen in practice and reports the rest as not readable, so the caller can
/// keep the raw value instead of failing the whole pull. A reader that reports false leaves the reader where it was,
/// so the whole value is still there to keep.
/// </summary>
internal static class JsonValueReaders
{
    /// <summary>
    /// A string; "" becomes null; numbers and booleans keep their JSON text; an object or array is not a string. With
    /// <paramref name="repeated"/>, a string read lately comes from that cache (for fields whose values repeat from
    /// record to record).
    /// </summary>
    public static bool TryReadString(ref Utf8JsonReader reader, JsonStringCache? repeated, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = IsEmptyString(ref reader) ? null : StringOf(ref reader, repeated);
                return true;
            case JsonTokenType.Null:
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                value = NonStringText(ref reader);
                return true;
            default:
                value = null;
                return false;
        }
    }

    /// <summary>
    /// Any value as the text of a column that holds text (the Streaming API's and hunting's string and dynamic
    /// columns): a string as it is, "" included; null as null; a number or boolean as its JSON text; a nested object
    /// or array as its JSON text, the reader then left on its last token, so nothing is lost either way. With
    /// <paramref name="repeated"/>, a string read lately comes from that cache.
    /// </summary>
    public static string? ReadText(ref Utf8JsonReader reader, JsonStringCache? repeated = null) =>
        reader.TokenType == JsonTokenType.String ? StringOf(ref reader, repeated) : NonStringText(ref reader);

    /// <summary>A whole number (a number, or a string holding one); null and "" as null.</summary>
    public static bool TryReadInt64(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var number))
                {
                    value = number;
                    return true;
                }

                return false;
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrEmpty(text))
                {
                    return true;
                }

                if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                {
                    value = parsed;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>As <see cref="TryReadInt64"/>, for a number that must fit an int; false when it does not.</summary>
    public static bool TryReadInt32(ref Utf8JsonReader reader, out int? value)
    {
        value = null;
        if (!TryReadInt64(ref reader, out var wide) || wide is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int?)wide;
        return true;
    }

    public static bool TryReadBoolean(ref Utf8JsonReader reader, out bool? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                value = true;
                return true;
            case JsonTokenType.False:
                value = false;
                return true;
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrEmpty(text))
                {
                    return true;
                }

                if (bool.TryParse(text, out var parsed))
                {
                    value = parsed;
                    return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>An ISO 8601 time as UTC. A time without an offset is taken as UTC, as the services mean it.</summary>
    public static bool TryReadUtcDateTime(ref Utf8JsonReader reader, out DateTime? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return false;
        }

        if (IsEmptyString(ref reader))
        {
            return true;
        }

        if (reader.TryGetDateTime(out var parsed))
        {
            // System.Text.Json returns Utc for "Z", Local (converted) for an explicit offset, and Unspecified
            // when no offset is written, which the services mean as UTC.
            value = parsed.Kind switch
            {
                DateTimeKind.Utc => parsed,
                DateTimeKind.Local => reader.GetDateTimeOffset().UtcDateTime,
                _ => DateTime.SpecifyKind(parsed, DateTimeKind.Utc),
            };
            return true;
        }

        // Some payloads use formats outside the strict ISO subset System.Text.Json accepts.
        var text = reader.GetString();
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var loose))
        {
            value = DateTime.SpecifyKind(loose, DateTimeKind.Utc);
            return true;
        }

        return false;
    }

    /// <summary>
    /// A value of any shape as a PowerShell-friendly object: string, long, double, bool, null, or an object or array
    /// as its raw JSON text (a SIEM record's fields that the module does not know).
    /// </summary>
    public static object? ReadAny(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? NestedJsonText(ref reader) : ToPlain(ref reader);

    /// <summary>
    /// Any value as a plain object: string, long, double, bool, null, name/value pairs or an array (the Streaming API's
    /// envelope extras and columns a typed event does not know, hunting values that do not read as their column's
    /// type). A nested object or array is read whole, and the reader left on its last token.
    /// </summary>
    public static object? ToPlain(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var integer) ? (object)integer : reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.StartObject:
                var fields = new List<KeyValuePair<string, object?>>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    fields.Add(new KeyValuePair<string, object?>(name, ToPlain(ref reader)));
                }

                return fields;
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ToPlain(ref reader));
                }

                return items.ToArray();
            default:
                return null;
        }
    }

    private static string? StringOf(ref Utf8JsonReader reader, JsonStringCache? repeated) =>
        repeated is null ? reader.GetString() : repeated.StringOf(ref reader);

    private static bool IsEmptyString(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? reader.ValueSequence.IsEmpty : reader.ValueSpan.IsEmpty;

    // A value that is not a string as text: null as null, a nested object or array as its JSON text (the reader then
    // on its last token), a number or boolean as its JSON text.
    private static string? NonStringText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                return NestedJsonText(ref reader);
            default:
                var bytes = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
                return System.Text.Encoding.UTF8.GetString(bytes);
        }
    }

    // A nested object or array, whose StartObject or StartArray is the current token, as its JSON text as sent; the
    // reader is left on its last token.
    private static string NestedJsonText(ref Utf8JsonReader reader)
    {
        using var nested = JsonDocument.ParseValue(ref reader);
        return nested.RootElement.GetRawText();
    }
}
