using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

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

    public static bool TryUtcDateTime(JsonElement value, out DateTime? time)
    {
        time = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = value.GetString();
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
        if (!TryInt64(value, out var wide))
        {
            return false;
        }

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
