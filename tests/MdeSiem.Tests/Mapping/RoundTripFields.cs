using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MdeSiem.Core.Siem;

namespace MdeSiem.Tests.Mapping;

/// <summary>Per-alert value sets of SIEM fields, for comparing records before and after a round trip through Graph.</summary>
internal static class RoundTripFields
{
    /// <summary>The -> rows whose value sets survive as they are (docs/siem-to-graph-mapping.md, "The way back").</summary>
    public static readonly string[] Kept =
    {
        "AlertTime", "ComputerDnsName", "AlertTitle", "Category", "Severity", "AlertId", "Actor", "Sha1", "FileName",
        "FilePath", "IpAddress", "Url", "IoaDefinitionId", "UserName", "ThreatCategory", "ThreatFamily", "ThreatName",
        "Source", "Sha256", "UserDomain", "LogOnUsers", "MachineDomain", "MachineName", "FileHash", "DeviceID",
        "MachineGroup", "Description", "CommandLine",
    };

    /// <summary>Results of one part's file or process: kept for the first part naming that file.</summary>
    public static readonly string[] PerEvidence = { "RemediationAction", "RemediationIsSuccess", "WasExecutingWhileDetected" };

    public static HashSet<string> Values(IEnumerable<MdeSiemAlert> records, string field)
    {
        var property = typeof(MdeSiemAlert).GetProperty(field)!;
        return new HashSet<string>(
            records.Select(record => property.GetValue(record)).Where(value => value is not null)
                .Select(value => value is DateTime time ? time.ToString("o", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture)!)
                .Where(text => text.Length > 0),
            StringComparer.Ordinal);
    }

    public static string? Coalesced(IEnumerable<MdeSiemAlert> records, Func<MdeSiemAlert, string?> field) =>
        records.Select(field).FirstOrDefault(value => !string.IsNullOrEmpty(value));

    public static HashSet<string> Tags(IEnumerable<MdeSiemAlert> records) => new(
        records.SelectMany(record => ((record.DeviceCreatedMachineTags ?? "") + "," + (record.CloudCreatedMachineTags ?? "")).Split(','))
            .Select(tag => tag.Trim()).Where(tag => tag.Length > 0),
        StringComparer.Ordinal);
}
