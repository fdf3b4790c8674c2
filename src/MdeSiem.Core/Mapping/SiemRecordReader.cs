using System;
using System.Collections.Generic;
using System.Globalization;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Siem;

namespace MdeSiem.Core.Mapping;

/// <summary>
/// Builds an <see cref="MdeSiemAlert"/> from field names and values, as old SIEM exports hold them: Import-Csv gives
/// every value as a string, ConvertFrom-Json gives strings, numbers, booleans and dates. Times become UTC (a time
/// without zone is taken as UTC, as the SIEM API wrote them), flags and numbers are parsed invariantly, "" is null.
/// Names match case-insensitively; names that are not SIEM fields are ignored.
/// </summary>
public static class SiemRecordReader
{
    private delegate void Setter(MdeSiemAlert record, string name, object value);

    private static readonly Dictionary<string, Setter> Setters = BuildSetters();

    /// <summary>Every field name the reader knows, aliases included: look these up on an input object.</summary>
    public static IReadOnlyCollection<string> FieldNames => Setters.Keys;

    /// <summary>True when the name is a SIEM field (or a known alias of one).</summary>
    public static bool IsField(string name) => Setters.ContainsKey(name);

    /// <exception cref="MdeSiemException">InvalidInputRecord when a value cannot be read as its field's type.</exception>
    public static MdeSiemAlert Read(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        var record = new MdeSiemAlert();
        foreach (var field in fields)
        {
            Set(record, field.Key, field.Value);
        }

        return record;
    }

    /// <summary>Sets one field; unknown names and empty values are ignored.</summary>
    public static void Set(MdeSiemAlert record, string name, object? value)
    {
        if (value is null || (value is string text && text.Length == 0) || !Setters.TryGetValue(name, out var setter))
        {
            return;
        }

        try
        {
            setter(record, name, value);
        }
        catch (OverflowException)
        {
            throw Invalid(name, value, "a number in range");
        }
    }

    /// <summary>
    /// The SIEM API's own field table (<see cref="SiemAlertFields"/>) with its aliases, plus ThreatFamilyName, the
    /// migration table's name for ThreatFamily; each setter converts the value to its field's type first.
    /// </summary>
    private static Dictionary<string, Setter> BuildSetters()
    {
        var setters = new Dictionary<string, Setter>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in SiemAlertFields.IndexByName)
        {
            setters[name.Key] = SetterFor(SiemAlertFields.Ordered[name.Value]);
        }

        setters["ThreatFamilyName"] = setters["ThreatFamily"];
        return setters;
    }

    private static Setter SetterFor(SiemAlertField field) => field.Kind switch
    {
        SiemFieldKind.Text => (record, _, value) => field.SetText(record, value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)!),
        SiemFieldKind.Time => (record, name, value) => field.SetTime(record, ToUtc(name, value)),
        SiemFieldKind.Flag => (record, name, value) => field.SetFlag(record, ToBoolean(name, value)),
        SiemFieldKind.Int32 => (record, name, value) => field.SetNumber(record, checked((int)ToInt64(name, value))),
        _ => (record, name, value) => field.SetNumber(record, ToInt64(name, value)),
    };

    private static DateTime ToUtc(string field, object value)
    {
        switch (value)
        {
            case DateTime time:
                return time.Kind switch
                {
                    DateTimeKind.Utc => time,
                    DateTimeKind.Local => time.ToUniversalTime(),
                    _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
                };
            case DateTimeOffset offset:
                return offset.UtcDateTime;
            case string text:
                const DateTimeStyles Styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;

                // Invariant first (ISO 8601 and Export-Csv under the invariant culture), then the culture that
                // Export-Csv used on this machine.
                if (DateTime.TryParse(text, CultureInfo.InvariantCulture, Styles, out var parsed)
                    || DateTime.TryParse(text, CultureInfo.CurrentCulture, Styles, out parsed))
                {
                    return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
                }

                break;
        }

        throw Invalid(field, value, "a date and time");
    }

    private static bool ToBoolean(string field, object value)
    {
        switch (value)
        {
            case bool flag:
                return flag;
            case string text when bool.TryParse(text.Trim(), out var parsed):
                return parsed;
            case string text when text.Trim() is "0" or "1":
                return text.Trim() == "1";
        }

        throw Invalid(field, value, "True or False");
    }

    private static long ToInt64(string field, object value)
    {
        switch (value)
        {
            case int number:
                return number;
            case long number:
                return number;
            case string text when long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case IConvertible convertible when value is not string and not bool:
                try
                {
                    double number = convertible.ToDouble(CultureInfo.InvariantCulture);
                    if (number == Math.Floor(number) && Math.Abs(number) < 9e15)
                    {
                        return (long)number;
                    }
                }
                catch (FormatException)
                {
                }
                catch (InvalidCastException)
                {
                }

                break;
        }

        throw Invalid(field, value, "a whole number");
    }

    private static MdeSiemException Invalid(string field, object value, string expected) =>
        new(ErrorCode.InvalidInputRecord, $"The value '{value}' of field {field} is not {expected}.")
        {
            RecommendedAction = "Correct or remove the value in the source record; the other records are converted.",
        };
}
