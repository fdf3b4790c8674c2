using System;
using System.Collections.Generic;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Siem;
using static MdeSiem.Core.Mapping.MappingText;

namespace MdeSiem.Core.Mapping;

/// <summary>
/// Builds one Graph alert from the SIEM records of one AlertId, row by row of the migration table (seed 002, kept in
/// docs/siem-to-graph-mapping.md). Alert-level fields come from the first part that has them; each part adds its
/// evidence (process or file, ip, url, user), duplicates dropped, beside one deviceEvidence from the machine fields.
/// </summary>
public static class SiemToGraphMapper
{
    private const string DeviceEvidenceType = "#microsoft.graph.security.deviceEvidence";
    private const string ProcessEvidenceType = "#microsoft.graph.security.processEvidence";
    private const string FileEvidenceType = "#microsoft.graph.security.fileEvidence";
    private const string IpEvidenceType = "#microsoft.graph.security.ipEvidence";
    private const string UrlEvidenceType = "#microsoft.graph.security.urlEvidence";
    private const string UserEvidenceType = "#microsoft.graph.security.userEvidence";

    private static readonly char[] UserSeparators = { ';', ',' };
    private static readonly char[] TagSeparators = { ',' };

    private static readonly string[] Severities = { "informational", "low", "medium", "high" };

    /// <summary>Maps the parts (same AlertId, any order) of one alert.</summary>
    /// <exception cref="MdeSiemException">InvalidInputRecord: no parts or mixed AlertIds.</exception>
    public static GraphAlertConversion Map(IReadOnlyList<MdeSiemAlert> parts)
    {
        if (parts.Count == 0)
        {
            throw new MdeSiemException(ErrorCode.InvalidInputRecord, "An alert needs at least one SIEM record.");
        }

        // Every alert ConvertTo-GraphAlert writes is built here, the whole of a pull: no LINQ, and nothing allocated
        // that the output does not keep (most alerts have a single part).
        var ordered = AlertParts.InPartOrder(parts);
        for (var i = 0; i < ordered.Count; i++)
        {
            var part = ordered[i];
            Validate(part);
            if (!string.Equals(part.AlertId, ordered[0].AlertId, StringComparison.Ordinal))
            {
                throw new MdeSiemException(ErrorCode.InvalidInputRecord, $"Records of different alerts ('{ordered[0].AlertId}', '{part.AlertId}') cannot be merged.") { Target = part };
            }
        }

        var alert = MapAlertFields(ordered);
        alert.Evidence.Add(DeviceEvidenceOf(ordered, alert.CreatedDateTime));

        // One part's evidence cannot repeat itself (each kind has its own key), so only merged parts need the index.
        var seen = ordered.Count > 1 ? new EvidenceIndex() : null;
        for (var i = 0; i < ordered.Count; i++)
        {
            AddPartEvidence(alert, seen, ordered[i]);
        }

        return new GraphAlertConversion(alert, SiemUnmappedFields.Collect(ordered));
    }

    /// <summary>Checks what the table needs of one record: an AlertId.</summary>
    public static void Validate(MdeSiemAlert record)
    {
        if (string.IsNullOrEmpty(record.AlertId))
        {
            throw new MdeSiemException(ErrorCode.InvalidInputRecord, "The record has no AlertId, so it cannot become a Graph alert.");
        }
    }

    /// <summary>Whether a SIEM severity (any case) is one of Graph's four named severities.</summary>
    internal static bool IsGraphSeverity(string severity) => GraphSeverityOf(severity) is not null;

    /// <summary>Graph's severity member for a SIEM severity (any case), or null when Graph has none.</summary>
    private static string? GraphSeverityOf(string severity)
    {
        // The members themselves, so that a million alerts share four strings instead of lower-casing each.
        foreach (var member in Severities)
        {
            if (string.Equals(member, severity, StringComparison.OrdinalIgnoreCase))
            {
                return member;
            }
        }

        var lower = severity.ToLowerInvariant();
        return Array.IndexOf(Severities, lower) < 0 ? null : lower;
    }

    private static DefenderAlert MapAlertFields(IReadOnlyList<MdeSiemAlert> parts)
    {
        var first = parts[0];
        DateTime? lastProcessed = null;
        DateTime? created = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];

            // As Enumerable.Max: nulls skipped, the first of equal times kept.
            if (part.LastProcessedTimeUtc is { } processed && (lastProcessed is null || processed > lastProcessed.Value))
            {
                lastProcessed = processed;
            }

            created ??= part.AlertTime;
        }

        var severity = FirstOf(parts, p => p.Severity);
        var alert = new DefenderAlert
        {
            Id = first.AlertId,
            ProviderAlertId = first.AlertId,
            // alertSeverity "unknown: Unknown severity." for a SIEM severity outside the four (reported as unmapped).
            SeverityValue = severity is null ? "unknown" : GraphSeverityOf(severity) ?? "unknown",
            DetectionSourceValue = DetectionSourceNames.ToGraph(FirstOf(parts, p => p.Source)),
            ServiceSourceValue = DetectionSourceNames.ServiceSource,
            DetectorId = FirstOf(parts, p => p.IoaDefinitionId),
            Title = FirstOf(parts, p => p.AlertTitle),
            Description = FirstOf(parts, p => p.Description),
            Category = FirstOf(parts, p => p.Category),
            AlertWebUrl = FirstOf(parts, p => p.LinkToMTP) ?? FirstOf(parts, p => p.LinkToWDATP),
            IncidentWebUrl = FirstOf(parts, p => p.IncidentLinkToMTP) ?? FirstOf(parts, p => p.IncidentLinkToWDATP),
            ActorDisplayName = FirstOf(parts, p => p.Actor),
            ThreatDisplayName = FirstOf(parts, p => p.ThreatName),
            ThreatFamilyName = FirstOf(parts, p => p.ThreatFamily),
            CreatedDateTime = created,
            LastActivityDateTime = lastProcessed,
        };

        // Not rows of the table, but what the records say: the detection began at AlertTime, and a SIEM record is
        // never updated after it was processed.
        alert.FirstActivityDateTime = alert.CreatedDateTime;
        alert.LastUpdateDateTime = lastProcessed;
        for (var i = 0; i < parts.Count; i++)
        {
            if (NullIfEmpty(parts[i].ThreatCategory) is { } technique && !alert.MitreTechniques.Contains(technique))
            {
                alert.MitreTechniques.Add(technique);
            }
        }

        return alert;
    }

    private static DeviceEvidence DeviceEvidenceOf(IReadOnlyList<MdeSiemAlert> parts, DateTime? created)
    {
        string? machineName = FirstOf(parts, p => p.MachineName);
        string? machineDomain = FirstOf(parts, p => p.MachineDomain);
        var device = Init(new DeviceEvidence(), DeviceEvidenceType, created, "unknown", "none");

        // MachineName and MachineDomain are "included in deviceDnsName": they make it when ComputerDnsName is absent.
        device.DeviceDnsName = FirstOf(parts, p => p.ComputerDnsName)
            ?? (machineName is null ? null : machineDomain is null ? machineName : machineName + "." + machineDomain);
        device.MdeDeviceId = FirstOf(parts, p => p.DeviceID);
        device.RbacGroupName = FirstOf(parts, p => p.MachineGroup);
        foreach (var user in Split(FirstOf(parts, p => p.LogOnUsers), UserSeparators))
        {
            int slash = user.LastIndexOf('\\');
            device.LoggedOnUsers.Add(new UserAccount
            {
                AccountName = user.Substring(slash + 1),
                DomainName = slash > 0 ? user.Substring(0, slash) : null,
            });
        }

        AddDistinctPieces(device.Tags, FirstOf(parts, p => p.DeviceCreatedMachineTags));
        AddDistinctPieces(device.Tags, FirstOf(parts, p => p.CloudCreatedMachineTags));
        return device;
    }

    /// <summary>The comma-separated tags of a SIEM field, trimmed, each once (tag lists are short: a scan beats a set).</summary>
    private static void AddDistinctPieces(List<string> target, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var piece in Split(text, TagSeparators))
        {
            if (!target.Contains(piece))
            {
                target.Add(piece);
            }
        }
    }

    private static void AddPartEvidence(DefenderAlert alert, EvidenceIndex? seen, MdeSiemAlert part)
    {
        DateTime? created = alert.CreatedDateTime;
        FileDetails? file = FileDetailsOf(part);
        if (NullIfEmpty(part.CommandLine) is { } commandLine)
        {
            var process = Init(new ProcessEvidence(), ProcessEvidenceType, created, "malicious", RemediationStatusOf(part));
            process.RemediationStatusDetails = NullIfEmpty(part.RemediationAction);
            process.ProcessCommandLine = commandLine;
            process.ImageFile = file;
            process.DetectionStatus = DetectionStatusOf(part);
            process.MdeDeviceId = NullIfEmpty(part.DeviceID);
            process.UserAccount = UserAccountOf(part);
            Add(alert, seen, EvidenceKind.Process, commandLine, null, process);
        }
        else if (file is not null)
        {
            var evidence = Init(new FileEvidence(), FileEvidenceType, created, "malicious", RemediationStatusOf(part));
            evidence.RemediationStatusDetails = NullIfEmpty(part.RemediationAction);
            evidence.FileDetails = file;
            evidence.DetectionStatus = DetectionStatusOf(part);
            evidence.MdeDeviceId = NullIfEmpty(part.DeviceID);
            Add(alert, seen, EvidenceKind.File, file.Sha1, file.FilePath, evidence);
        }

        if (NullIfEmpty(part.IpAddress) is { } ip)
        {
            Add(alert, seen, EvidenceKind.Ip, ip, null, new IpEvidence { IpAddress = ip }.With(IpEvidenceType, created));
        }

        if (NullIfEmpty(part.Url) is { } url)
        {
            Add(alert, seen, EvidenceKind.Url, url, null, new UrlEvidence { Url = url }.With(UrlEvidenceType, created));
        }

        // A process's user is in its userAccount; a user named without a process is evidence of its own.
        if (NullIfEmpty(part.UserName) is not null && NullIfEmpty(part.CommandLine) is null)
        {
            Add(alert, seen, EvidenceKind.User, part.UserDomain, part.UserName, new UserEvidence { UserAccount = UserAccountOf(part) }.With(UserEvidenceType, created));
        }
    }

    private static FileDetails? FileDetailsOf(MdeSiemAlert part)
    {
        string? sha1 = NullIfEmpty(part.Sha1);
        string? sha256 = NullIfEmpty(part.Sha256);

        // FileHash is "use sha1 or sha256": it fills whichever of the two it is, when that one is missing.
        if (NullIfEmpty(part.FileHash) is { } hash)
        {
            sha1 ??= IsHex(hash, 40) ? hash : null;
            sha256 ??= IsHex(hash, 64) ? hash : null;
        }

        string? name = NullIfEmpty(part.FileName);
        string? path = NullIfEmpty(part.FilePath);
        return name is null && path is null && sha1 is null && sha256 is null
            ? null
            : new FileDetails { FileName = name, FilePath = path, Sha1 = sha1, Sha256 = sha256 };
    }

    private static UserAccount? UserAccountOf(MdeSiemAlert part) =>
        NullIfEmpty(part.UserName) is null && NullIfEmpty(part.UserDomain) is null
            ? null
            : new UserAccount { AccountName = NullIfEmpty(part.UserName), DomainName = NullIfEmpty(part.UserDomain) };

    /// <summary>
    /// detectionStatus "detected: A product of the threat that executed was detected." for a process or file that was
    /// executing. Not executing says nothing of "blocked" (remediated at run time) or "prevented" (prevented from
    /// occurring), so false leaves detectionStatus empty and is reported as unmapped.
    /// (https://learn.microsoft.com/en-us/graph/api/resources/security-alertevidence, detectionStatus values)
    /// </summary>
    private static string? DetectionStatusOf(MdeSiemAlert part) => part.WasExecutingWhileDetected == true ? "detected" : null;

    /// <summary>
    /// evidenceRemediationStatus (https://learn.microsoft.com/en-us/graph/api/resources/security-alertevidence):
    /// "remediated: Remediation action has completed successfully." for RemediationIsSuccess true; "none: No threats
    /// were found." when the record names no remediation, as the service's own evidence examples use it. A failed
    /// remediation or an action without a result has no defined member ("notFound" is "The evidence was not found.",
    /// "unknownFutureValue" is the sentinel, "Don't use."), so the status stays empty: the action is kept in
    /// remediationStatusDetails ("Details about the remediation status.") and a false RemediationIsSuccess is
    /// reported as unmapped.
    /// </summary>
    private static string? RemediationStatusOf(MdeSiemAlert part) => part.RemediationIsSuccess switch
    {
        true => "remediated",
        false => null,
        _ => NullIfEmpty(part.RemediationAction) is null ? "none" : null,
    };

    private static T With<T>(this T evidence, string odataType, DateTime? created)
        where T : AlertEvidence => Init(evidence, odataType, created, "suspicious", "none");

    private static T Init<T>(T evidence, string odataType, DateTime? created, string verdict, string? remediationStatus)
        where T : AlertEvidence
    {
        evidence.OdataType = odataType;
        evidence.CreatedDateTime = created;
        evidence.VerdictValue = verdict;
        evidence.RemediationStatusValue = remediationStatus;
        return evidence;
    }

    private static void Add(DefenderAlert alert, EvidenceIndex? seen, EvidenceKind kind, string? key, string? secondKey, AlertEvidence evidence)
    {
        if (seen?.Find(kind, key, secondKey) is not { } earlier)
        {
            seen?.Add(kind, key, secondKey, evidence);
            alert.Evidence.Add(evidence);
            return;
        }

        // The same file named by several parts is one evidence; a hash only some parts carry still belongs to it.
        Complete(FileOf(earlier), FileOf(evidence));
    }

    private static FileDetails? FileOf(AlertEvidence evidence) => evidence switch
    {
        ProcessEvidence process => process.ImageFile,
        FileEvidence file => file.FileDetails,
        _ => null,
    };

    private static void Complete(FileDetails? kept, FileDetails? repeated)
    {
        if (kept is null || repeated is null)
        {
            return;
        }

        kept.FileName ??= repeated.FileName;
        kept.FilePath ??= repeated.FilePath;
        kept.Sha1 ??= repeated.Sha1;
        kept.Sha256 ??= repeated.Sha256;
    }
}
