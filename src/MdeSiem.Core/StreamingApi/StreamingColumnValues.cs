using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// Tolerant readers for one column of an exported event. Dynamic columns (AdditionalFields, ...) arrive as JSON text
/// or as nested JSON: a string column keeps nested JSON as its text, so nothing is lost either way.
/// </summary>
internal static class StreamingColumnValues
{
    /// <summary>
    /// The reader's current value as text: a string as it is, null as null, a number or boolean as its JSON text, a
    /// nested object or array as its JSON text (the reader is then left on its last token).
    /// </summary>
    public static bool TryString(ref Utf8JsonReader value, out string? text)
    {
        if (value.TokenType == JsonTokenType.String)
        {
            text = value.GetString();
            return true;
        }

        return TryNonString(ref value, out text);
    }

    /// <summary>
    /// As <see cref="TryString(ref Utf8JsonReader, out string?)"/>, for a column whose values repeat from record to
    /// record (severity, detection source, entity type, the envelope's tenant and category): a value read lately is
    /// the same string again, neither transcoded nor allocated.
    /// </summary>
    public static bool TryRepeatedString(ref Utf8JsonReader value, JsonStringCache repeated, out string? text)
    {
        if (value.TokenType == JsonTokenType.String)
        {
            text = repeated.StringOf(ref value);
            return true;
        }

        return TryNonString(ref value, out text);
    }

    private static bool TryNonString(ref Utf8JsonReader value, out string? text)
    {
        switch (value.TokenType)
        {
            case JsonTokenType.Null:
                text = null;
                return true;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                using (var nested = JsonDocument.ParseValue(ref value))
                {
                    text = nested.RootElement.GetRawText();
                }

                return true;
            default:
                text = Encoding.UTF8.GetString(value.ValueSpan.ToArray());
                return true;
        }
    }

    /// <summary>
    /// The reader's current value as a UTC time ("" and null are null; a time without a zone is UTC): the same rules
    /// as every other reader of a time in the module (<see cref="JsonValueReaders.TryReadUtcDateTime"/>).
    /// </summary>
    public static bool TryUtcDateTime(ref Utf8JsonReader value, out DateTime? time) =>
        JsonValueReaders.TryReadUtcDateTime(ref value, out time);

    // A whole number that fits an int (or null); false when it does not fit.
    private static bool TryNarrow(long? wide, out int? number)
    {
        number = null;
        if (wide is null)
        {
            return true;
        }

        if (wide < int.MinValue || wide > int.MaxValue)
        {
            return false;
        }

        number = (int)wide.Value;
        return true;
    }

    /// <summary>The reader's current value as a whole number (a number, or a string holding one); null as null.</summary>
    public static bool TryInt64(ref Utf8JsonReader value, out long? number)
    {
        number = null;
        switch (value.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.Number when value.TryGetInt64(out var integer):
                number = integer;
                return true;
            case JsonTokenType.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                number = parsed;
                return true;
            default:
                return false;
        }
    }

    /// <summary>As <see cref="TryInt64(ref Utf8JsonReader, out long?)"/>, for a number that must fit an int.</summary>
    public static bool TryInt32(ref Utf8JsonReader value, out int? number)
    {
        number = null;
        return TryInt64(ref value, out var wide) && TryNarrow(wide, out number);
    }

    /// <summary>
    /// Any value as a plain object: string, long, double, bool, null, name/value pairs or an array. A nested object
    /// or array is read whole, and the reader left on its last token.
    /// </summary>
    public static object? ToPlain(ref Utf8JsonReader value)
    {
        switch (value.TokenType)
        {
            case JsonTokenType.String:
                return value.GetString();
            case JsonTokenType.Number:
                return value.TryGetInt64(out var integer) ? (object)integer : value.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.StartObject:
                var fields = new List<KeyValuePair<string, object?>>();
                while (value.Read() && value.TokenType == JsonTokenType.PropertyName)
                {
                    var name = value.GetString()!;
                    value.Read();
                    fields.Add(new KeyValuePair<string, object?>(name, ToPlain(ref value)));
                }

                return fields;
            case JsonTokenType.StartArray:
                var items = new List<object?>();
                while (value.Read() && value.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ToPlain(ref value));
                }

                return items.ToArray();
            default:
                return null;
        }
    }
}
