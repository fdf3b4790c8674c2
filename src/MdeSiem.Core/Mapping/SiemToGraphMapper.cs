using System;
using System.Collections.Generic;
using System.Linq;
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
    private const string EvidenceType = "#microsoft.graph.security.";

    private static readonly string[] Severities = { "informational", "low", "medium", "high" };

    /// <summary>Maps the parts (same AlertId, any order) of one alert.</summary>
    /// <exception cref="MdeSiemException">InvalidInputRecord: no parts, mixed AlertIds, or a severity the SIEM API does not have.</exception>
    public static GraphAlertConversion Map(IReadOnlyList<MdeSiemAlert> parts)
    {
        if (parts.Count == 0)
        {
            throw new MdeSiemException(ErrorCode.InvalidInputRecord, "An alert needs at least one SIEM record.");
        }

        var ordered = parts.OrderBy(part => part.AlertPart).ToList(); // stable: equal parts keep arrival order
        foreach (var part in ordered)
        {
            Validate(part);
            if (!string.Equals(part.AlertId, ordered[0].AlertId, StringComparison.Ordinal))
            {
                throw new MdeSiemException(ErrorCode.InvalidInputRecord, $"Records of different alerts ('{ordered[0].AlertId}', '{part.AlertId}') cannot be merged.") { Target = part };
            }
        }

        var alert = MapAlertFields(ordered);
        var seen = new Dictionary<string, AlertEvidence>(StringComparer.Ordinal);
        alert.Evidence.Add(DeviceEvidenceOf(ordered, alert.CreatedDateTime));
        foreach (var part in ordered)
        {
            AddPartEvidence(alert, seen, part);
        }

        return new GraphAlertConversion(alert, SiemUnmappedFields.Collect(ordered));
    }

    /// <summary>Checks what the table needs of one record: an AlertId and a severity Graph can carry.</summary>
    public static void Validate(MdeSiemAlert record)
    {
        if (string.IsNullOrEmpty(record.AlertId))
        {
            throw new MdeSiemException(ErrorCode.InvalidInputRecord, "The record has no AlertId, so it cannot become a Graph alert.") ;
        }

        if (NullIfEmpty(record.Severity) is { } severity && Array.IndexOf(Severities, severity.ToLowerInvariant()) < 0)
        {
            throw new MdeSiemException(ErrorCode.InvalidInputRecord, $"Severity '{severity}' of alert '{record.AlertId}' is not one of Informational, Low, Medium, High.")
            {
                RecommendedAction = "Correct the Severity value of this record.",
            };
        }
    }

    private static DefenderAlert MapAlertFields(IReadOnlyList<MdeSiemAlert> parts)
    {
        var first = parts[0];
        DateTime? lastProcessed = parts.Max(part => part.LastProcessedTimeUtc);
        var alert = new DefenderAlert
        {
            Id = first.AlertId,
            ProviderAlertId = first.AlertId,
            SeverityValue = (FirstOf(parts, p => p.Severity) ?? "unknown").ToLowerInvariant(),
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
            CreatedDateTime = parts.Select(p => p.AlertTime).FirstOrDefault(time => time is not null),
            LastActivityDateTime = lastProcessed,
        };

        // Not rows of the table, but what the records say: the detection began at AlertTime, and a SIEM record is
        // never updated after it was processed.
        alert.FirstActivityDateTime = alert.CreatedDateTime;
        alert.LastUpdateDateTime = lastProcessed;
        foreach (var technique in parts.Select(p => NullIfEmpty(p.ThreatCategory)).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            alert.MitreTechniques.Add(technique);
        }

        return alert;
    }

    private static DeviceEvidence DeviceEvidenceOf(IReadOnlyList<MdeSiemAlert> parts, DateTime? created)
    {
        string? machineName = FirstOf(parts, p => p.MachineName);
        string? machineDomain = FirstOf(parts, p => p.MachineDomain);
        var device = Init(new DeviceEvidence(), "deviceEvidence", created, "unknown", "none");

        // MachineName and MachineDomain are "included in deviceDnsName": they make it when ComputerDnsName is absent.
        device.DeviceDnsName = FirstOf(parts, p => p.ComputerDnsName)
            ?? (machineName is null ? null : machineDomain is null ? machineName : machineName + "." + machineDomain);
        device.MdeDeviceId = FirstOf(parts, p => p.DeviceID);
        device.RbacGroupName = FirstOf(parts, p => p.MachineGroup);
        foreach (var user in Split(FirstOf(parts, p => p.LogOnUsers), ';', ','))
        {
            int slash = user.LastIndexOf('\\');
            device.LoggedOnUsers.Add(new UserAccount
            {
                AccountName = user.Substring(slash + 1),
                DomainName = slash > 0 ? user.Substring(0, slash) : null,
            });
        }

        device.Tags.AddRange(Split(FirstOf(parts, p => p.DeviceCreatedMachineTags), ',')
            .Concat(Split(FirstOf(parts, p => p.CloudCreatedMachineTags), ','))
            .Distinct(StringComparer.Ordinal));
        return device;
    }

    private static void AddPartEvidence(DefenderAlert alert, Dictionary<string, AlertEvidence> seen, MdeSiemAlert part)
    {
        DateTime? created = alert.CreatedDateTime;
        FileDetails? file = FileDetailsOf(part);
        if (NullIfEmpty(part.CommandLine) is { } commandLine)
        {
            var process = Init(new ProcessEvidence(), "processEvidence", created, "malicious", RemediationStatusOf(part));
            process.RemediationStatusDetails = NullIfEmpty(part.RemediationAction);
            process.ProcessCommandLine = commandLine;
            process.ImageFile = file;
            process.DetectionStatus = DetectionStatusOf(part);
            process.MdeDeviceId = NullIfEmpty(part.DeviceID);
            process.UserAccount = UserAccountOf(part);
            Add(alert, seen, "process:" + commandLine, process);
        }
        else if (file is not null)
        {
            var evidence = Init(new FileEvidence(), "fileEvidence", created, "malicious", RemediationStatusOf(part));
            evidence.RemediationStatusDetails = NullIfEmpty(part.RemediationAction);
            evidence.FileDetails = file;
            evidence.DetectionStatus = DetectionStatusOf(part);
            evidence.MdeDeviceId = NullIfEmpty(part.DeviceID);
            Add(alert, seen, "file:" + file.Sha1 + file.FilePath, evidence);
        }

        if (NullIfEmpty(part.IpAddress) is { } ip)
        {
            Add(alert, seen, "ip:" + ip, new IpEvidence { IpAddress = ip }.With("ipEvidence", created));
        }

        if (NullIfEmpty(part.Url) is { } url)
        {
            Add(alert, seen, "url:" + url, new UrlEvidence { Url = url }.With("urlEvidence", created));
        }

        // A process's user is in its userAccount; a user named without a process is evidence of its own.
        if (NullIfEmpty(part.UserName) is not null && NullIfEmpty(part.CommandLine) is null)
        {
            Add(alert, seen, "user:" + part.UserDomain + "\\" + part.UserName, new UserEvidence { UserAccount = UserAccountOf(part) }.With("userEvidence", created));
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

    private static string? DetectionStatusOf(MdeSiemAlert part) =>
        part.WasExecutingWhileDetected switch { true => "detected", false => "prevented", _ => null };

    /// <summary>RemediationIsSuccess implies the status; an action without a result is a status Graph has no member for.</summary>
    private static string RemediationStatusOf(MdeSiemAlert part) => part.RemediationIsSuccess switch
    {
        true => "remediated",
        false => "notFound",
        _ => NullIfEmpty(part.RemediationAction) is null ? "none" : "unknownFutureValue",
    };

    private static T With<T>(this T evidence, string kind, DateTime? created)
        where T : AlertEvidence => Init(evidence, kind, created, "suspicious", "none");

    private static T Init<T>(T evidence, string kind, DateTime? created, string verdict, string remediationStatus)
        where T : AlertEvidence
    {
        evidence.OdataType = EvidenceType + kind;
        evidence.CreatedDateTime = created;
        evidence.Verdict = verdict;
        evidence.RemediationStatus = remediationStatus;
        return evidence;
    }

    private static void Add(DefenderAlert alert, Dictionary<string, AlertEvidence> seen, string key, AlertEvidence evidence)
    {
        if (!seen.TryGetValue(key, out var earlier))
        {
            seen[key] = evidence;
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
