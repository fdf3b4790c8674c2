using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Turns field values into text the same way for every format. Values from Import-Csv are all strings, so times
/// and flags are also read from their text forms.
/// </summary>
public static class FieldValues
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The first named field with a value that is not null or empty.</summary>
    public static object? First(IFieldSource source, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (source.TryGetValue(name, out var value) && !IsEmpty(value))
            {
                return value;
            }
        }

        return null;
    }

    public static bool IsEmpty(object? value) => value is null || (value is string text && text.Length == 0);

    /// <summary>The value as the given kind of text; null when it is empty or cannot be read as that kind.</summary>
    public static string? Format(object? value, FieldValueKind kind) => kind switch
    {
        FieldValueKind.EpochMilliseconds => TryGetUtc(value, out var time)
            ? ((long)Math.Floor((time - Epoch).TotalMilliseconds)).ToString(CultureInfo.InvariantCulture)
            : null,
        FieldValueKind.IsoMilliseconds => TryGetUtc(value, out var time)
            ? time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            : null,
        FieldValueKind.Flag => TryGetFlag(value, out var flag) ? (flag ? "1" : "0") : null,
        _ => ToText(value),
    };

    /// <summary>Plain text: UTC ISO 8601 times with Z, true/false, invariant numbers, lists joined with ", ".</summary>
    public static string? ToText(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                return text.Length == 0 ? null : text;
            case DateTime time:
                return FormatUtc(ToUtc(time));
            case DateTimeOffset offset:
                return FormatUtc(offset.UtcDateTime);
            case bool flag:
                return flag ? "true" : "false";
            case IFormattable formattable:
                return formattable.ToString(null, CultureInfo.InvariantCulture);
            case IFieldSource:
                return JsonLineFormatter.Format((IFieldSource)value);
            case IEnumerable items:
                var parts = new List<string>();
                foreach (var item in items)
                {
                    var part = ToText(item);
                    if (part is not null)
                    {
                        parts.Add(part);
                    }
                }

                return parts.Count == 0 ? null : string.Join(", ", parts);
            default:
                return value.ToString();
        }
    }

    /// <summary>Round-trip UTC form with the fraction's trailing zeros trimmed, as the SIEM API writes times.</summary>
    public static string FormatUtc(DateTime utc)
    {
        Span<byte> utf8 = stackalloc byte[Utf8UtcTime.MaxLength];
        var length = Utf8UtcTime.Format(utc, utf8);
        var text = new char[length];
        for (var i = 0; i < length; i++)
        {
            text[i] = (char)utf8[i];
        }

        return new string(text);
    }

    public static bool TryGetUtc(object? value, out DateTime utc)
    {
        switch (value)
        {
            case DateTime time:
                utc = ToUtc(time);
                return true;
            case DateTimeOffset offset:
                utc = offset.UtcDateTime;
                return true;
            case string text when DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
                out var parsed):
                utc = parsed.UtcDateTime;
                return true;
            default:
                utc = default;
                return false;
        }
    }

    private static bool TryGetFlag(object? value, out bool flag)
    {
        switch (value)
        {
            case bool b:
                flag = b;
                return true;
            case string text when bool.TryParse(text.Trim(), out var parsed):
                flag = parsed;
                return true;
            default:
                flag = false;
                return false;
        }
    }

    // Unspecified comes from parsers that dropped the zone; the module's own times are UTC, so read it as UTC.
    internal static DateTime ToUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    };
}
