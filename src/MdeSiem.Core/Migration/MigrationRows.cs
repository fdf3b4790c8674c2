using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mapping;
using MdeSiem.Core.Siem;
using static MdeSiem.Core.Migration.GraphValueText;

namespace MdeSiem.Core.Migration;

/// <summary>
/// The mapping table's rows in table order, each with how to read its SIEM field and its Graph property. The X rows'
/// SIEM readers are the mapper's own (<see cref="SiemUnmappedFields"/>); a test holds the row list to the table in
/// docs/siem-to-graph-mapping.md.
/// </summary>
public static class MigrationRows
{
    public static IReadOnlyList<MigrationRow> All { get; } = Build();

    private static IReadOnlyList<MigrationRow> Build()
    {
        var unmapped = SiemUnmappedFields.Fields.ToDictionary(f => f.Key, f => f.Value, System.StringComparer.OrdinalIgnoreCase);
        MigrationRow X(string field, string why) => new(field, why, unmapped[field], null);
        MigrationRow Row(string field, string property, System.Func<MdeSiemAlert, object?> siem, System.Func<DefenderAlert, string?> graph) => new(field, property, siem, graph);
        const string IocNotSupported = "IoC fields not supported";
        const string Obsolete = "Obsolete (MDE alerts are atomic/complete that are updatable, while the SIEM API were immutable records of detections)";

        return new[]
        {
            Row("AlertTime", "createdDateTime", r => r.AlertTime, a => Time(a.CreatedDateTime)),
            Row("ComputerDnsName", "evidence/deviceEvidence: deviceDnsName", r => r.ComputerDnsName, a => Text(Device(a)?.DeviceDnsName)),
            Row("AlertTitle", "title", r => r.AlertTitle, a => Text(a.Title)),
            Row("Category", "category", r => r.Category, a => Text(a.Category)),
            Row("Severity", "severity", r => r.Severity, a => Text(a.SeverityValue)),
            Row("AlertId", "id", r => r.AlertId, a => Text(a.Id)),
            Row("Actor", "actorDisplayName", r => r.Actor, a => Text(a.ActorDisplayName)),
            Row("LinkToWDATP", "alertWebUrl", r => r.LinkToWDATP, a => Text(a.AlertWebUrl)),
            X("IocName", IocNotSupported),
            X("IocValue", IocNotSupported),
            X("CreatorIocName", IocNotSupported),
            X("CreatorIocValue", IocNotSupported),
            Row("Sha1", "evidence/fileEvidence/fileDetails: sha1 (or evidence/processEvidence/imageFile: sha1)", r => r.Sha1, a => Set(Files(a).Select(f => f.Sha1))),
            Row("FileName", "evidence/fileEvidence/fileDetails: fileName (or evidence/processEvidence/image: fileName)", r => r.FileName, a => Set(Files(a).Select(f => f.FileName))),
            Row("FilePath", "evidence/fileEvidence/fileDetails: filePath (or evidence/processEvidence/image: filePath)", r => r.FilePath, a => Set(Files(a).Select(f => f.FilePath))),
            Row("IPAddress", "evidence/ipEvidence: ipAddress", r => r.IpAddress, a => Set(a.Evidence.OfType<IpEvidence>().Select(e => e.IpAddress))),
            Row("URL", "evidence/urlEvidence: url", r => r.Url, a => Set(a.Evidence.OfType<UrlEvidence>().Select(e => e.Url))),
            Row("IoaDefinitionId", "detectorId", r => r.IoaDefinitionId, a => Text(a.DetectorId)),
            Row("UserName", "evidence/userEvidence/userAccount: accountName", r => r.UserName, a => Set(Users(a).Select(u => u.AccountName))),
            X("AlertPart", Obsolete),
            X("FullId", IocNotSupported),
            Row("LastProcessedTimeUtc", "lastActivityDateTime", r => r.LastProcessedTimeUtc, a => Time(a.LastActivityDateTime)),
            Row("ThreatCategory", "mitreTechniques []", r => r.ThreatCategory, a => Set(a.MitreTechniques)),
            Row("ThreatFamilyName", "threatFamilyName", r => r.ThreatFamily, a => Text(a.ThreatFamilyName)),
            Row("ThreatName", "threatDisplayName", r => r.ThreatName, a => Text(a.ThreatDisplayName)),
            Row("RemediationAction", "evidence: remediationStatus", r => r.RemediationAction, a => Set(Detections(a).Select(e => e.RemediationStatusValue))),
            Row("RemediationIsSuccess", "evidence: remediationStatus (implied)", r => r.RemediationIsSuccess, a => Set(Detections(a).Select(e => e.RemediationStatusValue))),
            Row("Source", "detectionSource (use with serviceSource: microsoftDefenderForEndpoint)", r => r.Source, a => Text(a.DetectionSourceValue)),
            X("Md5", "Not supported"),
            Row("Sha256", "evidence/fileEvidence/fileDetails: sha256 (or evidence/processEvidence/imageFile: sha256)", r => r.Sha256, a => Set(Files(a).Select(f => f.Sha256))),
            Row("WasExecutingWhileDetected", "evidence/processEvidence: detectionStatus", r => r.WasExecutingWhileDetected, a => Set(Detections(a).Select(DetectionStatus))),
            Row("UserDomain", "evidence/userEvidence/userAccount: domainName", r => r.UserDomain, a => Set(Users(a).Select(u => u.DomainName))),
            Row("LogOnUsers", "evidence/deviceEvidence: loggedOnUsers []", r => r.LogOnUsers, a => Set(Device(a)?.LoggedOnUsers.Select(u => u.DomainName + "\\" + u.AccountName) ?? Enumerable.Empty<string>())),
            Row("MachineDomain", "Included in evidence/deviceEvidence: deviceDnsName", r => r.MachineDomain, a => Text(Device(a)?.DeviceDnsName)),
            Row("MachineName", "Included in evidence/deviceEvidence: deviceDnsName", r => r.MachineName, a => Text(Device(a)?.DeviceDnsName)),
            X("InternalIPV4List", "Not supported"),
            X("InternalIPV6List", "Not supported"),
            Row("FileHash", "Use sha1 or sha256", r => r.FileHash, a => Set(Files(a).SelectMany(f => new[] { f.Sha1, f.Sha256 }))),
            Row("DeviceID", "evidence/deviceEvidence: mdeDeviceId", r => r.DeviceID, a => Text(Device(a)?.MdeDeviceId)),
            Row("MachineGroup", "evidence/deviceEvidence: rbacGroupName", r => r.MachineGroup, a => Text(Device(a)?.RbacGroupName)),
            Row("Description", "description", r => r.Description, a => Text(a.Description)),
            Row("DeviceCreatedMachineTags", "evidence: tags [] (for deviceEvidence)", r => r.DeviceCreatedMachineTags, a => Set(Device(a)?.Tags ?? new List<string>())),
            Row("CloudCreatedMachineTags", "evidence: tags [] (for deviceEvidence)", r => r.CloudCreatedMachineTags, a => Set(Device(a)?.Tags ?? new List<string>())),
            Row("CommandLine", "evidence/processEvidence: processCommandLine", r => r.CommandLine, a => Set(a.Evidence.OfType<ProcessEvidence>().Select(p => p.ProcessCommandLine))),
            Row("IncidentLinkToWDATP", "incidentWebUrl", r => r.IncidentLinkToWDATP, a => Text(a.IncidentWebUrl)),
            X("ReportId", Obsolete),
            Row("LinkToMTP", "alertWebUrl", r => r.LinkToMTP, a => Text(a.AlertWebUrl)),
            Row("IncidentLinkToMTP", "incidentWebUrl", r => r.IncidentLinkToMTP, a => Text(a.IncidentWebUrl)),
            X("ExternalId", "Obsolete"),
            X("IocUniqueId", IocNotSupported),
        };
    }
}
