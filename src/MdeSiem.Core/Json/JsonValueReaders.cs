using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace MdeSiem.Core.Json;

/// <summary>
/// Tolerant readers for one JSON value of a documented type. Services drift (a number sent as a string, "" where
/// null is meant): each reader accepts the shapes seen in practice and reports the rest as not readable, so the
/// caller can keep the raw value instead of failing the whole pull.
/// </summary>
internal static class JsonValueReaders
{
    /// <summary>A string; "" becomes null; numbers and booleans keep their JSON text.</summary>
    public static bool TryReadString(ref Utf8JsonReader reader, out string? value) => TryReadString(ref reader, null, out value);

    /// <summary>
    /// As <see cref="TryReadString(ref Utf8JsonReader, out string?)"/>; with <paramref name="repeated"/>, a string
    /// read lately comes from that cache (for fields whose values repeat from record to record).
    /// </summary>
    public static bool TryReadString(ref Utf8JsonReader reader, JsonStringCache? repeated, out string? value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                value = IsEmptyString(ref reader) ? null : repeated is null ? reader.GetString() : repeated.StringOf(ref reader);
                return true;
            case JsonTokenType.Null:
                value = null;
                return true;
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                value = RawText(ref reader);
                return true;
            default:
                value = null;
                return false;
        }
    }

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

    /// <summary>A value of any shape as a PowerShell-friendly object: string, long, double, bool, null or raw JSON.</summary>
    public static object? ReadAny(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var integer))
                {
                    return integer;
                }

                return reader.GetDouble();
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }
        }
    }

    private static bool IsEmptyString(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? reader.ValueSequence.IsEmpty : reader.ValueSpan.IsEmpty;

    private static string RawText(ref Utf8JsonReader reader)
    {
        var span = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
        return System.Text.Encoding.UTF8.GetString(span);
    }
}
