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

    private static Dictionary<string, Setter> BuildSetters()
    {
        var setters = new Dictionary<string, Setter>(StringComparer.OrdinalIgnoreCase);
        void Text(string name, Action<MdeSiemAlert, string> set) =>
            setters[name] = (record, _, value) => set(record, value as string ?? Convert.ToString(value, CultureInfo.InvariantCulture)!);
        void Time(string name, Action<MdeSiemAlert, DateTime> set) =>
            setters[name] = (record, field, value) => set(record, ToUtc(field, value));
        void Flag(string name, Action<MdeSiemAlert, bool> set) =>
            setters[name] = (record, field, value) => set(record, ToBoolean(field, value));
        void Number(string name, Action<MdeSiemAlert, long> set) =>
            setters[name] = (record, field, value) => set(record, ToInt64(field, value));

        Time("AlertTime", (a, v) => a.AlertTime = v);
        Text("ComputerDnsName", (a, v) => a.ComputerDnsName = v);
        Text("AlertTitle", (a, v) => a.AlertTitle = v);
        Text("Category", (a, v) => a.Category = v);
        Text("Severity", (a, v) => a.Severity = v);
        Text("AlertId", (a, v) => a.AlertId = v);
        Text("Actor", (a, v) => a.Actor = v);
        Text("LinkToWDATP", (a, v) => a.LinkToWDATP = v);
        Text("IocName", (a, v) => a.IocName = v);
        Text("IocValue", (a, v) => a.IocValue = v);
        Text("CreatorIocName", (a, v) => a.CreatorIocName = v);
        Text("CreatorIocValue", (a, v) => a.CreatorIocValue = v);
        Text("Sha1", (a, v) => a.Sha1 = v);
        Text("FileName", (a, v) => a.FileName = v);
        Text("FilePath", (a, v) => a.FilePath = v);
        Text("IpAddress", (a, v) => a.IpAddress = v);
        Text("Url", (a, v) => a.Url = v);
        Text("IoaDefinitionId", (a, v) => a.IoaDefinitionId = v);
        Text("IoaDefinitiondId", (a, v) => a.IoaDefinitionId = v); // misspelled in older payloads
        Text("UserName", (a, v) => a.UserName = v);
        Number("AlertPart", (a, v) => a.AlertPart = checked((int)v));
        Text("FullId", (a, v) => a.FullId = v);
        Time("LastProcessedTimeUtc", (a, v) => a.LastProcessedTimeUtc = v);
        Text("ThreatCategory", (a, v) => a.ThreatCategory = v);
        Text("ThreatFamily", (a, v) => a.ThreatFamily = v);
        Text("ThreatFamilyName", (a, v) => a.ThreatFamily = v); // the table's name for ThreatFamily
        Text("ThreatName", (a, v) => a.ThreatName = v);
        Text("RemediationAction", (a, v) => a.RemediationAction = v);
        Flag("RemediationIsSuccess", (a, v) => a.RemediationIsSuccess = v);
        Text("Source", (a, v) => a.Source = v);
        Text("Md5", (a, v) => a.Md5 = v);
        Text("Sha256", (a, v) => a.Sha256 = v);
        Flag("WasExecutingWhileDetected", (a, v) => a.WasExecutingWhileDetected = v);
        Text("UserDomain", (a, v) => a.UserDomain = v);
        Text("LogOnUsers", (a, v) => a.LogOnUsers = v);
        Text("MachineDomain", (a, v) => a.MachineDomain = v);
        Text("MachineName", (a, v) => a.MachineName = v);
        Text("InternalIPv4List", (a, v) => a.InternalIPv4List = v);
        Text("InternalIPv6List", (a, v) => a.InternalIPv6List = v);
        Text("FileHash", (a, v) => a.FileHash = v);
        Text("DeviceID", (a, v) => a.DeviceID = v);
        Text("MachineGroup", (a, v) => a.MachineGroup = v);
        Text("Description", (a, v) => a.Description = v);
        Text("DeviceCreatedMachineTags", (a, v) => a.DeviceCreatedMachineTags = v);
        Text("CloudCreatedMachineTags", (a, v) => a.CloudCreatedMachineTags = v);
        Text("CommandLine", (a, v) => a.CommandLine = v);
        Text("IncidentLinkToWDATP", (a, v) => a.IncidentLinkToWDATP = v);
        Number("ReportID", (a, v) => a.ReportID = v);
        Text("LinkToMTP", (a, v) => a.LinkToMTP = v);
        Text("IncidentLinkToMTP", (a, v) => a.IncidentLinkToMTP = v);
        Text("ExternalId", (a, v) => a.ExternalId = v);
        Text("IocUniqueId", (a, v) => a.IocUniqueId = v);
        return setters;
    }

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
