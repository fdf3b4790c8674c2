using System;
using System.Collections.Generic;
using System.Globalization;
using MdeSiem.Core.Siem;
using MdeSiem.Simulator;

namespace MdeSiem.Tests.Forwarding;

/// <summary>
/// The expected CEF extensions of a SIEM record, written out from Microsoft's table of ArcSight fields
/// (api-portal-mapping) in CEF's short keys, not from the module's profile.
/// </summary>
internal static class ExpectedArcSight
{
    public static Dictionary<string, string> Extensions(SiemRecord r) => Build(
        r.AlertId, r.Severity, r.Category, r.AlertTime, r.Source, r.MachineName ?? r.ComputerDnsName, r.MachineDomain, r.IpAddress,
        r.Url, r.FileName, r.FilePath, r.Sha1, r.Md5, r.Sha256, r.ThreatName, r.Actor, r.UserDomain, r.UserName, r.LogOnUsers,
        r.WasExecutingWhileDetected, r.RemediationIsSuccess, r.LinkToWDATP);

    public static Dictionary<string, string> Extensions(MdeSiemAlert a) => Build(
        a.AlertId, a.Severity, a.Category, a.AlertTime, a.Source, a.MachineName ?? a.ComputerDnsName, a.MachineDomain, a.IpAddress,
        a.Url, a.FileName, a.FilePath, a.Sha1, a.Md5, a.Sha256, a.ThreatName, a.Actor, a.UserDomain, a.UserName, a.LogOnUsers,
        a.WasExecutingWhileDetected, a.RemediationIsSuccess, a.LinkToWDATP);

    /// <summary>CEF's 0-10: Informational 1, Low 3, Medium 5, High 8 (the bands 0-3, 4-6, 7-8 of the standard).</summary>
    public static string Severity(string? severity) => severity switch
    {
        "Informational" => "1",
        "Low" => "3",
        "Medium" => "5",
        "High" => "8",
        _ => "0",
    };

    private static Dictionary<string, string> Build(
        string? alertId, string? severity, string? category, DateTime? alertTime, string? source, string? machine, string? machineDomain,
        string? ip, string? url, string? fileName, string? filePath, string? sha1, string? md5, string? sha256, string? threat, string? actor,
        string? userDomain, string? userName, string? logOnUsers, bool? executing, bool? remediated, string? link)
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string key, string? value, string? labelKey = null, string? label = null)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            expected[key] = value;
            if (labelKey is not null)
            {
                expected[labelKey] = label!;
            }
        }

        Put("externalId", alertId);
        Put("deviceSeverity", severity);
        Put("cat", category);
        Put("rt", alertTime is null ? null : new DateTimeOffset(DateTime.SpecifyKind(alertTime.Value, DateTimeKind.Utc)).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Put("sourceServiceName", source);
        Put("shost", machine);
        Put("sourceDnsDomain", machineDomain);
        Put("src", ip);
        Put("request", url);
        Put("fname", fileName);
        Put("filePath", filePath);
        Put("fileHash", sha1);
        Put("cs5", md5, "cs5Label", "Md5");
        Put("cs6", sha256, "cs6Label", "Sha256");
        Put("cs1", threat, "cs1Label", "ThreatName");
        Put("cs4", actor, "cs4Label", "Actor");
        Put("sntdom", userDomain);
        Put("suser", userName);
        Put("suid", logOnUsers);
        Put("cn1", executing is null ? null : executing.Value ? "1" : "0", "cn1Label", "WasExecutingWhileDetected");
        Put("cn2", remediated is null ? null : remediated.Value ? "1" : "0", "cn2Label", "RemediationIsSuccess");
        Put("flexString1", link, "flexString1Label", "LinkToWDATP");
        return expected;
    }
}
