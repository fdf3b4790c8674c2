using System;
using System.Collections.Generic;
using System.Text.Json;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.Siem;

/// <summary>
/// The SIEM API's field names and how each is read: the one place that knows the wire names. Matching is
/// case-insensitive, and misspellings seen in older payloads are listed as aliases of the field they mean.
/// </summary>
internal static class SiemAlertFields
{
    /// <summary>Reads the current value into the record; false when the value is not of a readable shape.</summary>
    public delegate bool FieldReader(ref Utf8JsonReader reader, MdeSiemAlert alert);

    /// <summary>The fields in the order the service sends them, so a parser can match names by position first.</summary>
    public static readonly IReadOnlyList<SiemAlertField> Ordered;

    /// <summary>Every name (aliases included), case-insensitive, to its position in <see cref="Ordered"/>.</summary>
    public static readonly IReadOnlyDictionary<string, int> IndexByName;

    static SiemAlertFields()
    {
        var readers = Build(out var aliases);
        var ordered = new List<SiemAlertField>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in readers)
        {
            index[pair.Key] = ordered.Count;
            ordered.Add(new SiemAlertField(pair.Key, pair.Value));
        }

        foreach (var alias in aliases)
        {
            index[alias.Key] = index[alias.Value];
        }

        Ordered = ordered;
        IndexByName = index;
    }

    private static List<KeyValuePair<string, FieldReader>> Build(out Dictionary<string, string> aliases)
    {
        var readers = new List<KeyValuePair<string, FieldReader>>();
        aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["IoaDefinitiondId"] = "IoaDefinitionId", // misspelled in older payloads
        };

        void Text(string name, Action<MdeSiemAlert, string?> set) =>
            readers.Add(new KeyValuePair<string, FieldReader>(name, (ref Utf8JsonReader r, MdeSiemAlert a) =>
            {
                if (!JsonValueReaders.TryReadString(ref r, out var v))
                {
                    return false;
                }

                set(a, v);
                return true;
            }));

        void Time(string name, Action<MdeSiemAlert, DateTime?> set) =>
            readers.Add(new KeyValuePair<string, FieldReader>(name, (ref Utf8JsonReader r, MdeSiemAlert a) =>
            {
                if (!JsonValueReaders.TryReadUtcDateTime(ref r, out var v))
                {
                    return false;
                }

                set(a, v);
                return true;
            }));

        void Flag(string name, Action<MdeSiemAlert, bool?> set) =>
            readers.Add(new KeyValuePair<string, FieldReader>(name, (ref Utf8JsonReader r, MdeSiemAlert a) =>
            {
                if (!JsonValueReaders.TryReadBoolean(ref r, out var v))
                {
                    return false;
                }

                set(a, v);
                return true;
            }));

        void Number(string name, Action<MdeSiemAlert, long?> set) =>
            readers.Add(new KeyValuePair<string, FieldReader>(name, (ref Utf8JsonReader r, MdeSiemAlert a) =>
            {
                if (!JsonValueReaders.TryReadInt64(ref r, out var v))
                {
                    return false;
                }

                set(a, v);
                return true;
            }));

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
        Text("UserName", (a, v) => a.UserName = v);
        Number("AlertPart", (a, v) => a.AlertPart = (int)(v ?? 0));
        Text("FullId", (a, v) => a.FullId = v);
        Time("LastProcessedTimeUtc", (a, v) => a.LastProcessedTimeUtc = v);
        Text("ThreatCategory", (a, v) => a.ThreatCategory = v);
        Text("ThreatFamily", (a, v) => a.ThreatFamily = v);
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
        return readers;
    }
}
