using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Siem;
using static MdeSiem.Core.Mapping.MappingText;

namespace MdeSiem.Core.Mapping;

/// <summary>
/// The way back: a Graph alert as flat legacy SIEM records, one per part evidence (process or file, ip, url, user;
/// at least one), AlertPart numbered from 0, alert-level and device fields repeated on each. What the table marks X
/// (FullId, IocUniqueId, IoC fields, Md5, ReportID, ExternalId, internal IP lists) cannot be rebuilt and stays null;
/// docs/siem-to-graph-mapping.md lists every field that comes back only in part.
/// </summary>
public static class GraphToSiemMapper
{
    public static IReadOnlyList<MdeSiemAlert> Map(DefenderAlert alert)
    {
        var records = new List<MdeSiemAlert>();
        var device = alert.Evidence.OfType<DeviceEvidence>().FirstOrDefault();
        foreach (var evidence in alert.Evidence)
        {
            if (evidence is DeviceEvidence)
            {
                continue;
            }

            var record = NewRecord(alert, device, records.Count);
            if (FillFromEvidence(record, evidence))
            {
                records.Add(record);
            }
        }

        if (records.Count == 0)
        {
            records.Add(NewRecord(alert, device, 0));
        }

        return records;
    }

    private static MdeSiemAlert NewRecord(DefenderAlert alert, DeviceEvidence? device, int part)
    {
        var record = new MdeSiemAlert
        {
            AlertId = alert.Id,
            AlertPart = part,
            AlertTime = alert.CreatedDateTime,
            LastProcessedTimeUtc = alert.LastActivityDateTime ?? alert.LastUpdateDateTime,
            AlertTitle = alert.Title,
            Category = alert.Category,
            Description = alert.Description,
            Severity = SeverityOf(alert.SeverityValue),
            Actor = alert.ActorDisplayName,
            IoaDefinitionId = alert.DetectorId,
            ThreatName = alert.ThreatDisplayName,
            ThreatFamily = alert.ThreatFamilyName,
            ThreatCategory = alert.MitreTechniques.FirstOrDefault(),
            Source = DetectionSourceNames.ToSiem(alert.DetectionSourceValue),
        };

        // Both portal links of each kind map to one Graph URL; the host tells which portal it points to.
        (record.LinkToMTP, record.LinkToWDATP) = SplitByPortal(alert.AlertWebUrl);
        (record.IncidentLinkToMTP, record.IncidentLinkToWDATP) = SplitByPortal(alert.IncidentWebUrl);
        if (device is not null)
        {
            FillMachine(record, device);
        }

        return record;
    }

    private static void FillMachine(MdeSiemAlert record, DeviceEvidence device)
    {
        record.ComputerDnsName = device.DeviceDnsName;
        record.DeviceID = device.MdeDeviceId;
        record.MachineGroup = device.RbacGroupName;
        if (NullIfEmpty(device.DeviceDnsName) is { } dnsName)
        {
            int dot = dnsName.IndexOf('.');
            record.MachineName = device.HostName ?? (dot < 0 ? dnsName : dnsName.Substring(0, dot));
            record.MachineDomain = device.DnsDomain ?? (dot < 0 ? null : dnsName.Substring(dot + 1));
        }

        var users = device.LoggedOnUsers
            .Where(user => NullIfEmpty(user.AccountName) is not null)
            .Select(user => NullIfEmpty(user.DomainName) is { } domain ? domain + "\\" + user.AccountName : user.AccountName!)
            .ToList();
        record.LogOnUsers = users.Count == 0 ? null : string.Join(",", users);

        // Graph does not say which tags were cloud-created: all come back as device tags.
        record.DeviceCreatedMachineTags = device.Tags.Count == 0 ? null : string.Join(",", device.Tags);
    }

    private static bool FillFromEvidence(MdeSiemAlert record, AlertEvidence evidence)
    {
        switch (evidence)
        {
            case ProcessEvidence process:
                record.CommandLine = process.ProcessCommandLine;
                FillFile(record, process.ImageFile);
                FillUser(record, process.UserAccount);
                FillRemediation(record, process, process.DetectionStatus);
                return true;
            case FileEvidence file:
                FillFile(record, file.FileDetails);
                FillRemediation(record, file, file.DetectionStatus);
                return true;
            case IpEvidence ip:
                record.IpAddress = ip.IpAddress;
                return true;
            case UrlEvidence url:
                record.Url = url.Url;
                return true;
            case UserEvidence user:
                FillUser(record, user.UserAccount);
                return true;
            default:
                return false;
        }
    }

    private static void FillFile(MdeSiemAlert record, FileDetails? file)
    {
        if (file is null)
        {
            return;
        }

        record.FileName = file.FileName;
        record.FilePath = file.FilePath;
        record.Sha1 = file.Sha1;
        record.Sha256 = file.Sha256;
        record.FileHash = file.Sha1 ?? file.Sha256;
    }

    private static void FillUser(MdeSiemAlert record, UserAccount? account)
    {
        record.UserName = account?.AccountName;
        record.UserDomain = account?.DomainName;
    }

    private static void FillRemediation(MdeSiemAlert record, AlertEvidence evidence, string? detectionStatus)
    {
        // remediated "has completed successfully"; unremediated (the v1.0 metadata's member, "notRemediated" in the
        // page's prose) did not. notFound is "The evidence was not found.", which says nothing of a remediation.
        record.RemediationIsSuccess = evidence.RemediationStatus switch
        {
            EvidenceRemediationStatus.Remediated => true,
            EvidenceRemediationStatus.Unremediated => false,
            _ => null,
        };

        // ConvertTo-GraphAlert keeps RemediationAction in remediationStatusDetails; live alerts put free text there.
        record.RemediationAction = NullIfEmpty(evidence.RemediationStatusDetails);
        // detectionStatus (https://learn.microsoft.com/en-us/graph/api/resources/security-alertevidence): "detected: A
        // product of the threat that executed was detected", "blocked: the threat was remediated at run time" (both
        // ran), "prevented: the threat was prevented from occurring (running, downloading, ...)" (it did not).
        record.WasExecutingWhileDetected = detectionStatus switch
        {
            "detected" or "blocked" => true,
            "prevented" => false,
            _ => null,
        };
    }

    private static string? SeverityOf(string? severity) =>
        NullIfEmpty(severity) is not { } value || value == "unknown"
            ? null
            : char.ToUpper(value[0], CultureInfo.InvariantCulture) + value.Substring(1);

    private static (string? Mtp, string? Wdatp) SplitByPortal(string? url)
    {
        if (NullIfEmpty(url) is null)
        {
            return (null, null);
        }

        bool wdatp = Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Host.EndsWith("securitycenter.windows.com", StringComparison.OrdinalIgnoreCase);
        return wdatp ? (null, url) : (url, null);
    }
}
