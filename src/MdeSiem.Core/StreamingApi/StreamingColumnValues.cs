using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
    public static bool TryString(JsonElement value, out string? text)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text = value.GetString();
                return true;
            case JsonValueKind.Null:
                text = null;
                return true;
            default:
                text = value.GetRawText();
                return true;
        }
    }

    /// <summary>
    /// As <see cref="TryString(JsonElement, out string?)"/>, from the reader's current value. A nested object or array
    /// is kept as its JSON text, and the reader is left on its last token.
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

    public static bool TryUtcDateTime(JsonElement value, out DateTime? time)
    {
        time = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                return TryParseUtc(value.GetString(), out time);
            default:
                return false;
        }
    }

    /// <summary>
    /// As <see cref="TryUtcDateTime(JsonElement, out DateTime?)"/>, from the reader's current value: the same rules as
    /// every other reader of a time in the module (<see cref="JsonValueReaders.TryReadUtcDateTime"/>).
    /// </summary>
    public static bool TryUtcDateTime(ref Utf8JsonReader value, out DateTime? time) =>
        JsonValueReaders.TryReadUtcDateTime(ref value, out time);

    private static bool TryParseUtc(string? text, out DateTime? time)
    {
        time = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        // Times without a zone ("_TimeReceivedBySvc" style) are UTC, like every time the service writes.
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            time = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
            return true;
        }

        return false;
    }

    public static bool TryInt64(JsonElement value, out long? number)
    {
        number = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.Number when value.TryGetInt64(out var integer):
                number = integer;
                return true;
            case JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                number = parsed;
                return true;
            default:
                return false;
        }
    }

    public static bool TryInt32(JsonElement value, out int? number)
    {
        number = null;
        return TryInt64(value, out var wide) && TryNarrow(wide, out number);
    }

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

    /// <summary>As <see cref="TryInt64(JsonElement, out long?)"/>, from the reader's current value.</summary>
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

    /// <summary>As <see cref="TryInt32(JsonElement, out int?)"/>, from the reader's current value.</summary>
    public static bool TryInt32(ref Utf8JsonReader value, out int? number)
    {
        number = null;
        return TryInt64(ref value, out var wide) && TryNarrow(wide, out number);
    }

    /// <summary>
    /// As <see cref="ToPlain(JsonElement)"/>, from the reader's current value; a nested object or array is read
    /// whole, and the reader left on its last token.
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

    /// <summary>Any value as a plain object: string, long, double, bool, null, name/value pairs or an array.</summary>
    public static object? ToPlain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        // Cast first: a plain conditional of long and double would make every integer a double.
        JsonValueKind.Number => value.TryGetInt64(out var integer) ? (object)integer : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object => value.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, ToPlain(p.Value))).ToList(),
        JsonValueKind.Array => value.EnumerateArray().Select(ToPlain).ToArray(),
        _ => null,
    };
}
