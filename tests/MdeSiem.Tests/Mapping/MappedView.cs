using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MdeSiem.Core.Graph;

namespace MdeSiem.Tests.Mapping;

/// <summary>
/// The values of a Graph alert that the mapping table's -> rows determine, as comparable text lines: alert-level
/// properties, then each evidence's mapped properties (sorted, since evidence order is not part of the table).
/// </summary>
internal static class MappedView
{
    public static IReadOnlyList<string> Of(DefenderAlert alert)
    {
        var lines = new List<string>
        {
            "id=" + alert.Id,
            "createdDateTime=" + Time(alert.CreatedDateTime),
            "lastActivityDateTime=" + Time(alert.LastActivityDateTime),
            "title=" + alert.Title,
            "category=" + alert.Category,
            "severity=" + alert.SeverityValue,
            "actorDisplayName=" + alert.ActorDisplayName,
            "alertWebUrl=" + alert.AlertWebUrl,
            "incidentWebUrl=" + alert.IncidentWebUrl,
            "detectorId=" + alert.DetectorId,
            "threatFamilyName=" + alert.ThreatFamilyName,
            "threatDisplayName=" + alert.ThreatDisplayName,
            "detectionSource=" + alert.DetectionSourceValue,
            "serviceSource=" + alert.ServiceSourceValue,
            "description=" + alert.Description,
            "mitreTechniques=" + string.Join(";", alert.MitreTechniques),
        };
        // The table's rows name device, process, file, ip, url and user evidence; other kinds a live alert carries
        // (network connections, DNS names, hashes, cloud resources) are not part of the mapping.
        lines.AddRange(alert.Evidence.Where(evidence => evidence is DeviceEvidence or ProcessEvidence or FileEvidence or IpEvidence or UrlEvidence or UserEvidence or GenericEvidence)
            .Select(Evidence).OrderBy(line => line, StringComparer.Ordinal));
        return lines;
    }

    private static string Evidence(AlertEvidence evidence) => evidence switch
    {
        DeviceEvidence device => $"device dns={device.DeviceDnsName} id={device.MdeDeviceId} group={device.RbacGroupName} "
            + $"users={string.Join(";", device.LoggedOnUsers.Select(Account))} tags={string.Join(";", device.Tags)}",
        ProcessEvidence process => $"process cmd={process.ProcessCommandLine} image={File(process.ImageFile)} "
            + $"detection={process.DetectionStatus} user={Account(process.UserAccount)} remediation={process.RemediationStatusValue}",
        FileEvidence file => $"file {File(file.FileDetails)} detection={file.DetectionStatus} remediation={file.RemediationStatusValue}",
        IpEvidence ip => "ip " + ip.IpAddress,
        UrlEvidence url => "url " + url.Url,
        UserEvidence user => "user " + Account(user.UserAccount),
        _ => "other " + evidence.OdataType,
    };

    private static string File(FileDetails? file) =>
        file is null ? "-" : $"{file.FileName}|{file.FilePath}|{file.Sha1}|{file.Sha256}";

    private static string Account(UserAccount? account) =>
        account is null || (account.AccountName is null && account.DomainName is null) ? "-" : account.DomainName + "\\" + account.AccountName;

    private static string Time(DateTime? time) =>
        time is { } value ? value.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture) : "-";
}
