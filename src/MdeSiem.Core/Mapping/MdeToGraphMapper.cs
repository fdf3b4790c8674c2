using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mde;
using static MdeSiem.Core.Mapping.MappingText;

namespace MdeSiem.Core.Mapping;

/// <summary>
/// A Defender for Endpoint alert (alerts API) as a Microsoft Graph alert, for scripts moving to Get-DefenderAlert:
/// the same detection under Graph's names and camelCase values (status New -> new, severity UnSpecified -> unknown,
/// detectionSource WindowsDefenderAtp -> microsoftDefenderForEndpoint, determination CompromisedUser ->
/// compromisedAccount, ...); the device becomes deviceEvidence and each evidence its Graph evidence type. The
/// investigation's state goes to Graph's investigationState (the same members in camelCase); what Graph has no place
/// for (investigationId, an investigation state Graph does not have) is returned as unmapped fields.
/// </summary>
public static class MdeToGraphMapper
{
    private const string EvidenceType = "#microsoft.graph.security.";

    public static GraphAlertConversion Map(MdeAlert source)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        var alert = new DefenderAlert
        {
            Id = source.Id,
            ProviderAlertId = source.Id,
            IncidentId = source.IncidentId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StatusValue = StatusOf(source.StatusValue),
            SeverityValue = SeverityOf(source.SeverityValue),
            ClassificationValue = ClassificationOf(source.ClassificationValue),
            DeterminationValue = DeterminationOf(source.DeterminationValue),
            ServiceSourceValue = DetectionSourceNames.ServiceSource,
            DetectionSourceValue = DetectionSourceOf(source.DetectionSource),
            ProductName = "Microsoft Defender for Endpoint",
            DetectorId = NullIfEmpty(source.DetectorId),
            TenantId = source.AadTenantId,
            Title = source.Title,
            Description = source.Description,
            Category = source.Category,
            AssignedTo = NullIfEmpty(source.AssignedTo),
            ThreatDisplayName = NullIfEmpty(source.ThreatName),
            ThreatFamilyName = NullIfEmpty(source.ThreatFamilyName),
            CreatedDateTime = source.AlertCreationTime,
            LastUpdateDateTime = source.LastUpdateTime,
            ResolvedDateTime = source.ResolvedTime,
            FirstActivityDateTime = source.FirstEventTime,
            LastActivityDateTime = source.LastEventTime,
            InvestigationStateValue = InvestigationStateOf(source.InvestigationState),
        };
        alert.MitreTechniques.AddRange(source.MitreTechniques);
        alert.Comments.AddRange(source.Comments.Select(comment => new AlertComment { Comment = comment.Comment, CreatedByDisplayName = comment.CreatedBy, CreatedDateTime = comment.CreatedTime }));
        if (NullIfEmpty(source.MachineId) is not null || NullIfEmpty(source.ComputerDnsName) is not null)
        {
            alert.Evidence.Add(Init(new DeviceEvidence { DeviceDnsName = source.ComputerDnsName, MdeDeviceId = source.MachineId, RbacGroupName = source.RbacGroupName }, "deviceEvidence", source.AlertCreationTime));
        }

        foreach (var evidence in source.Evidence)
        {
            if (EvidenceOf(evidence, source.MachineId) is { } converted)
            {
                alert.Evidence.Add(converted);
            }
        }

        var unmapped = new Dictionary<string, object?>(StringComparer.Ordinal);
        AddIfSet(unmapped, nameof(MdeAlert.InvestigationId), source.InvestigationId);
        AddIfSet(unmapped, nameof(MdeAlert.InvestigationState), alert.InvestigationStateValue is null ? NullIfEmpty(source.InvestigationState) : null);
        AddIfSet(unmapped, nameof(MdeAlert.RelatedUser), source.RelatedUser?.ToString());
        return new GraphAlertConversion(alert, unmapped);
    }

    /// <summary>The MDE API's investigation state (Running, SuccessfullyRemediated, ...) as Graph's member, or null when Graph has none.</summary>
    public static string? InvestigationStateOf(string? mde) =>
        GraphEnum.Parse<InvestigationState>(NullIfEmpty(mde)) is { } state && state != InvestigationState.UnknownFutureValue ? GraphEnum.ToWire(state) : null;

    public static string? StatusOf(string? mde) => mde switch
    {
        null => null,
        "New" => "new",
        "InProgress" => "inProgress",
        "Resolved" => "resolved",
        "Unknown" => "unknown",
        _ => "unknownFutureValue",
    };

    public static string? SeverityOf(string? mde) => mde switch
    {
        null => null,
        "UnSpecified" => "unknown",
        "Informational" or "Low" or "Medium" or "High" => mde.ToLowerInvariant(),
        _ => "unknownFutureValue",
    };

    /// <summary>No classification on the MDE API is Graph's "unknown".</summary>
    public static string ClassificationOf(string? mde) => mde switch
    {
        null or "" or "Unknown" => "unknown",
        "TruePositive" => "truePositive",
        "FalsePositive" => "falsePositive",
        "InformationalExpectedActivity" => "informationalExpectedActivity",
        _ => "unknownFutureValue",
    };

    /// <summary>The Update alert API's names and the ones the read side documents (Clean, ConfirmedUserActivity, ...).</summary>
    public static string DeterminationOf(string? mde) => mde switch
    {
        null or "" or "NotAvailable" or "Unknown" => "unknown",
        "MultiStagedAttack" => "multiStagedAttack",
        "MaliciousUserActivity" => "maliciousUserActivity",
        "CompromisedUser" or "CompromisedAccount" => "compromisedAccount",
        "Malware" => "malware",
        "Phishing" => "phishing",
        "UnwantedSoftware" => "unwantedSoftware",
        "SecurityTesting" => "securityTesting",
        "LineOfBusinessApplication" => "lineOfBusinessApplication",
        "ConfirmedActivity" or "ConfirmedUserActivity" => "confirmedActivity",
        "NotMalicious" or "Clean" => "notMalicious",
        "InsufficientData" => "notEnoughDataToValidate",
        "Apt" => "apt",
        "SecurityPersonnel" => "securityPersonnel",
        "Other" => "other",
        _ => "unknownFutureValue",
    };

    public static string DetectionSourceOf(string? mde) => mde switch
    {
        "WindowsDefenderAtp" => "microsoftDefenderForEndpoint",
        "WindowsDefenderAv" => "antivirus",
        "WindowsDefenderSmartScreen" => "smartScreen",
        "CustomerTI" => "customTi",
        "CustomDetection" => "customDetection",
        "AutomatedInvestigation" => "automatedInvestigation",
        "ThreatExperts" => "microsoftThreatExperts",
        "MTP" => "microsoft365Defender",
        _ => "unknown",
    };

    private static AlertEvidence? EvidenceOf(MdeAlertEvidence evidence, string? machineId)
    {
        var created = evidence.EvidenceCreationTime;
        var file = NullIfEmpty(evidence.FileName) is null && NullIfEmpty(evidence.Sha1) is null && NullIfEmpty(evidence.FilePath) is null && NullIfEmpty(evidence.Sha256) is null
            ? null
            : new FileDetails { FileName = NullIfEmpty(evidence.FileName), FilePath = NullIfEmpty(evidence.FilePath), Sha1 = NullIfEmpty(evidence.Sha1), Sha256 = NullIfEmpty(evidence.Sha256) };
        var account = NullIfEmpty(evidence.AccountName) is null && NullIfEmpty(evidence.UserPrincipalName) is null
            ? null
            : new UserAccount
            {
                AccountName = NullIfEmpty(evidence.AccountName),
                DomainName = NullIfEmpty(evidence.DomainName),
                UserSid = NullIfEmpty(evidence.UserSid),
                AzureAdUserId = NullIfEmpty(evidence.AadUserId),
                UserPrincipalName = NullIfEmpty(evidence.UserPrincipalName),
            };
        var detectionStatus = NullIfEmpty(evidence.DetectionStatus) is { } status ? char.ToLowerInvariant(status[0]) + status.Substring(1) : null;
        return evidence.EntityType switch
        {
            "Process" => Init(new ProcessEvidence
            {
                ProcessId = evidence.ProcessId,
                ParentProcessId = evidence.ParentProcessId,
                ProcessCommandLine = NullIfEmpty(evidence.ProcessCommandLine),
                ProcessCreationDateTime = evidence.ProcessCreationTime,
                ParentProcessCreationDateTime = evidence.ParentProcessCreationTime,
                ImageFile = file,
                ParentProcessImageFile = NullIfEmpty(evidence.ParentProcessFileName) is null && NullIfEmpty(evidence.ParentProcessFilePath) is null
                    ? null
                    : new FileDetails { FileName = NullIfEmpty(evidence.ParentProcessFileName), FilePath = NullIfEmpty(evidence.ParentProcessFilePath) },
                UserAccount = account,
                DetectionStatus = detectionStatus,
                MdeDeviceId = machineId,
            }, "processEvidence", created),
            "File" => Init(new FileEvidence { FileDetails = file, DetectionStatus = detectionStatus, MdeDeviceId = machineId }, "fileEvidence", created),
            "Ip" => Init(new IpEvidence { IpAddress = evidence.IpAddress }, "ipEvidence", created),
            "Url" => Init(new UrlEvidence { Url = evidence.Url }, "urlEvidence", created),
            "User" => Init(new UserEvidence { UserAccount = account }, "userEvidence", created),
            "Registry" when NullIfEmpty(evidence.RegistryValue) is not null => Init(new RegistryValueEvidence
            {
                MdeDeviceId = machineId,
                RegistryHive = evidence.RegistryHive,
                RegistryKey = evidence.RegistryKey,
                RegistryValue = evidence.RegistryValue,
                RegistryValueType = evidence.RegistryValueType,
            }, "registryValueEvidence", created),
            "Registry" => Init(new RegistryKeyEvidence { RegistryHive = evidence.RegistryHive, RegistryKey = evidence.RegistryKey }, "registryKeyEvidence", created),
            _ => null,
        };
    }

    private static T Init<T>(T evidence, string kind, DateTime? created)
        where T : AlertEvidence
    {
        evidence.OdataType = EvidenceType + kind;
        evidence.CreatedDateTime = created;
        return evidence;
    }

    private static void AddIfSet(Dictionary<string, object?> fields, string name, object? value)
    {
        if (value is not null)
        {
            fields[name] = value;
        }
    }
}
