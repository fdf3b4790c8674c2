using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Siem;

/// <summary>
/// The SIEM API's field names, in the order the service sends them, and how each is read: the one place that knows
/// the wire names. Matching is case-insensitive, and misspellings seen in older payloads are listed as aliases of
/// the field they mean.
/// </summary>
internal static class SiemAlertFields
{
    /// <summary>
    /// The fields in the order the service sends them, so a parser can match names by position first. Fields with a
    /// few values that recur across detections (titles, categories, severities, sources, threat and remediation
    /// kinds, domains, device groups and tags) are <see cref="SiemAlertField.RepeatedText"/>.
    /// </summary>
    public static readonly IReadOnlyList<SiemAlertField> Ordered = new[]
    {
        SiemAlertField.Time("AlertTime", (a, v) => a.AlertTime = v),
        SiemAlertField.Text("ComputerDnsName", (a, v) => a.ComputerDnsName = v),
        SiemAlertField.RepeatedText("AlertTitle", (a, v) => a.AlertTitle = v),
        SiemAlertField.RepeatedText("Category", (a, v) => a.Category = v),
        SiemAlertField.RepeatedText("Severity", (a, v) => a.Severity = v),
        SiemAlertField.Text("AlertId", (a, v) => a.AlertId = v),
        SiemAlertField.RepeatedText("Actor", (a, v) => a.Actor = v),
        SiemAlertField.Text("LinkToWDATP", (a, v) => a.LinkToWDATP = v),
        SiemAlertField.RepeatedText("IocName", (a, v) => a.IocName = v),
        SiemAlertField.Text("IocValue", (a, v) => a.IocValue = v),
        SiemAlertField.RepeatedText("CreatorIocName", (a, v) => a.CreatorIocName = v),
        SiemAlertField.Text("CreatorIocValue", (a, v) => a.CreatorIocValue = v),
        SiemAlertField.Text("Sha1", (a, v) => a.Sha1 = v),
        SiemAlertField.Text("FileName", (a, v) => a.FileName = v),
        SiemAlertField.Text("FilePath", (a, v) => a.FilePath = v),
        SiemAlertField.Text("IpAddress", (a, v) => a.IpAddress = v),
        SiemAlertField.Text("Url", (a, v) => a.Url = v),
        SiemAlertField.Text("IoaDefinitionId", (a, v) => a.IoaDefinitionId = v),
        SiemAlertField.Text("UserName", (a, v) => a.UserName = v),
        SiemAlertField.Number("AlertPart", SiemFieldKind.Int32, (a, v) => a.AlertPart = (int)(v ?? 0)),
        SiemAlertField.Text("FullId", (a, v) => a.FullId = v),
        SiemAlertField.Time("LastProcessedTimeUtc", (a, v) => a.LastProcessedTimeUtc = v),
        SiemAlertField.RepeatedText("ThreatCategory", (a, v) => a.ThreatCategory = v),
        SiemAlertField.RepeatedText("ThreatFamily", (a, v) => a.ThreatFamily = v),
        SiemAlertField.RepeatedText("ThreatName", (a, v) => a.ThreatName = v),
        SiemAlertField.RepeatedText("RemediationAction", (a, v) => a.RemediationAction = v),
        SiemAlertField.Flag("RemediationIsSuccess", (a, v) => a.RemediationIsSuccess = v),
        SiemAlertField.RepeatedText("Source", (a, v) => a.Source = v),
        SiemAlertField.Text("Md5", (a, v) => a.Md5 = v),
        SiemAlertField.Text("Sha256", (a, v) => a.Sha256 = v),
        SiemAlertField.Flag("WasExecutingWhileDetected", (a, v) => a.WasExecutingWhileDetected = v),
        SiemAlertField.RepeatedText("UserDomain", (a, v) => a.UserDomain = v),
        SiemAlertField.Text("LogOnUsers", (a, v) => a.LogOnUsers = v),
        SiemAlertField.RepeatedText("MachineDomain", (a, v) => a.MachineDomain = v),
        SiemAlertField.Text("MachineName", (a, v) => a.MachineName = v),
        SiemAlertField.Text("InternalIPv4List", (a, v) => a.InternalIPv4List = v),
        SiemAlertField.Text("InternalIPv6List", (a, v) => a.InternalIPv6List = v),
        SiemAlertField.Text("FileHash", (a, v) => a.FileHash = v),
        SiemAlertField.Text("DeviceID", (a, v) => a.DeviceID = v),
        SiemAlertField.RepeatedText("MachineGroup", (a, v) => a.MachineGroup = v),
        SiemAlertField.Text("Description", (a, v) => a.Description = v),
        SiemAlertField.RepeatedText("DeviceCreatedMachineTags", (a, v) => a.DeviceCreatedMachineTags = v),
        SiemAlertField.RepeatedText("CloudCreatedMachineTags", (a, v) => a.CloudCreatedMachineTags = v),
        SiemAlertField.Text("CommandLine", (a, v) => a.CommandLine = v),
        SiemAlertField.Text("IncidentLinkToWDATP", (a, v) => a.IncidentLinkToWDATP = v),
        SiemAlertField.Number("ReportID", SiemFieldKind.Int64, (a, v) => a.ReportID = v),
        SiemAlertField.Text("LinkToMTP", (a, v) => a.LinkToMTP = v),
        SiemAlertField.Text("IncidentLinkToMTP", (a, v) => a.IncidentLinkToMTP = v),
        SiemAlertField.Text("ExternalId", (a, v) => a.ExternalId = v),
        SiemAlertField.Text("IocUniqueId", (a, v) => a.IocUniqueId = v),
    };

    /// <summary>Every name (aliases included), case-insensitive, to its position in <see cref="Ordered"/>.</summary>
    public static readonly IReadOnlyDictionary<string, int> IndexByName = BuildIndex();

    private static Dictionary<string, int> BuildIndex()
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Ordered.Count; i++)
        {
            index[Ordered[i].Name] = i;
        }

        index["IoaDefinitiondId"] = index["IoaDefinitionId"]; // misspelled in older payloads
        return index;
    }
}
