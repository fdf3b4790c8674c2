using System;
using System.Collections.Generic;
using System.Linq;

namespace MdeSiem.Simulator.Graph;

/// <summary>
/// Folds the SIEM records of one AlertId into one Graph alert, following the SIEM-to-Graph mapping table
/// (docs seed 002): AlertTime -> createdDateTime, LastProcessedTimeUtc -> lastActivityDateTime, AlertId -> id,
/// IoaDefinitionId -> detectorId, Source -> detectionSource, machine fields -> deviceEvidence, and so on. Each
/// part's evidence is merged, duplicates dropped.
/// </summary>
public static class GraphAlertBuilder
{
    private const string EvidenceNamespace = "#microsoft.graph.security.";

    /// <summary>detectionSource for the SIEM Source values.</summary>
    public static string DetectionSourceOf(string? siemSource) => siemSource switch
    {
        "EDR" => "microsoftDefenderForEndpoint",
        "Antivirus" => "antivirus",
        "SmartScreen" => "smartScreen",
        "CustomTI" => "customTi",
        "CustomDetection" => "customDetection",
        _ => "unknown",
    };

    /// <summary>The alerts of a record sequence in which an alert's parts are adjacent (as the generator makes them).</summary>
    public static IEnumerable<GraphAlertRecord> FromRecords(IEnumerable<SiemRecord> records, string tenantId)
    {
        var parts = new List<SiemRecord>();
        foreach (var record in records)
        {
            if (parts.Count > 0 && parts[0].AlertId != record.AlertId)
            {
                yield return Build(parts, tenantId);
                parts.Clear();
            }

            parts.Add(record);
        }

        if (parts.Count > 0)
        {
            yield return Build(parts, tenantId);
        }
    }

    public static GraphAlertRecord Build(IReadOnlyList<SiemRecord> parts, string tenantId)
    {
        SiemRecord first = parts[0];
        DateTime lastProcessed = parts.Max(part => part.LastProcessedTimeUtc);
        string incidentId = IncidentIdOf(first);
        var alert = new GraphAlertRecord
        {
            Id = first.AlertId,
            ProviderAlertId = first.AlertId,
            IncidentId = incidentId,
            // alertSeverity has unknown, informational, low, medium, high (v1.0 metadata); any other SIEM severity is unknown.
            Severity = (first.Severity ?? "unknown").ToLowerInvariant() is "informational" or "low" or "medium" or "high" ? first.Severity!.ToLowerInvariant() : "unknown",
            DetectionSource = DetectionSourceOf(first.Source),
            DetectorId = NullIfEmpty(first.IoaDefinitionId),
            TenantId = tenantId,
            Title = first.AlertTitle,
            Description = first.Description,
            Category = first.Category,
            Categories = NullIfEmpty(first.Category) is { } category ? [category] : [],
            InvestigationState = InvestigationStateOf(parts),
            AlertWebUrl = first.LinkToMTP ?? first.LinkToWDATP,
            // Seed 002: IncidentLinkToMTP / IncidentLinkToWDATP -> incidentWebUrl.
            IncidentWebUrl = first.IncidentLinkToMTP ?? first.IncidentLinkToWDATP,
            ActorDisplayName = NullIfEmpty(first.Actor),
            ThreatDisplayName = NullIfEmpty(first.ThreatName),
            ThreatFamilyName = NullIfEmpty(first.ThreatFamily),
            CreatedDateTime = first.AlertTime,
            FirstActivityDateTime = first.AlertTime,
            LastActivityDateTime = lastProcessed,
            LastUpdateDateTime = lastProcessed,
            DeviceId = first.DeviceID ?? "",
            ArrivedTimeUtc = first.LastProcessedTimeUtc,
        };
        if (first.Source == "CustomDetection")
        {
            // A custom detection rule's own columns (customDetails); the simulated rule surfaces the device and the user.
            alert.CustomDetails["DeviceName"] = first.ComputerDnsName;
            alert.CustomDetails["AccountName"] = NullIfEmpty(first.UserName);
        }

        if (NullIfEmpty(first.ThreatCategory) is { } technique)
        {
            alert.MitreTechniques.Add(technique);
        }

        var seen = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        AddEvidence(alert, seen, "device:" + first.DeviceID, DeviceEvidence(first, alert.CreatedDateTime));
        if (AzureVmOf(first) is { } vm)
        {
            // The virtual machine as a cloud resource too (azureResourceEvidence), as Defender for Cloud links it.
            var resource = Evidence("azureResourceEvidence", alert.CreatedDateTime, "unknown", "none");
            resource["resourceId"] = vm["resourceId"];
            resource["resourceName"] = ((string)vm["resourceId"]!).Split('/')[^1];
            resource["resourceType"] = "Virtual Machine";
            AddEvidence(alert, seen, "azure:" + vm["resourceId"], resource);
        }
        foreach (SiemRecord part in parts)
        {
            AddPartEvidence(alert, seen, part);
        }

        return alert;
    }

    /// <summary>
    /// The automated investigation's state (investigationState, v1.0 metadata members): the remediation the records
    /// report, else "unsupportedAlertType" for the custom sources automated investigation does not take, else "benign".
    /// </summary>
    private static string InvestigationStateOf(IReadOnlyList<SiemRecord> parts) =>
        parts.Any(part => part.RemediationIsSuccess == false) ? "failed"
        : parts.Any(part => part.RemediationIsSuccess == true) ? "successfullyRemediated"
        : parts.Any(part => NullIfEmpty(part.RemediationAction) is not null) ? "running"
        : parts[0].Source is "CustomTI" or "CustomDetection" ? "unsupportedAlertType"
        : "benign";

    /// <summary>Alerts on one device within one six-hour block share an incident.</summary>
    public static string IncidentIdOf(SiemRecord record)
    {
        long block = record.AlertTime.Ticks / (6 * TimeSpan.TicksPerHour);
        ulong hash = 14695981039346656037UL;
        foreach (char c in (record.DeviceID ?? "") + ":" + block.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return (1000 + (long)(hash % 90_000_000UL)).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AddPartEvidence(GraphAlertRecord alert, Dictionary<string, Dictionary<string, object?>> seen, SiemRecord part)
    {
        DateTime created = alert.CreatedDateTime;
        // Any of the four file rows of the table makes a file (FilePath or Sha256 alone too).
        bool named = NullIfEmpty(part.FileName) is not null || NullIfEmpty(part.FilePath) is not null
            || NullIfEmpty(part.Sha1) is not null || NullIfEmpty(part.Sha256) is not null;
        Dictionary<string, object?>? file = named ? FileDetails(part) : null;
        if (NullIfEmpty(part.CommandLine) is { } commandLine)
        {
            var process = Evidence("processEvidence", created, "malicious", RemediationStatus(part));
            process["remediationStatusDetails"] = NullIfEmpty(part.RemediationAction);
            process["processCommandLine"] = commandLine;
            process["imageFile"] = file;
            process["detectionStatus"] = DetectionStatus(part);
            process["mdeDeviceId"] = part.DeviceID;
            process["userAccount"] = UserAccount(part);
            AddEvidence(alert, seen, "process:" + commandLine, process);
        }
        else if (file is not null)
        {
            var fileEvidence = Evidence("fileEvidence", created, "malicious", RemediationStatus(part));
            fileEvidence["remediationStatusDetails"] = NullIfEmpty(part.RemediationAction);
            fileEvidence["fileDetails"] = file;
            fileEvidence["detectionStatus"] = DetectionStatus(part);
            fileEvidence["mdeDeviceId"] = part.DeviceID;
            AddEvidence(alert, seen, "file:" + part.Sha1 + part.FilePath, fileEvidence);
        }

        if (NullIfEmpty(part.IpAddress) is { } ip)
        {
            var evidence = Evidence("ipEvidence", created, "suspicious", "none");
            evidence["ipAddress"] = ip;
            evidence["countryLetterCode"] = null;
            AddEvidence(alert, seen, "ip:" + ip, evidence);

            // The device reached the address: a networkConnectionEvidence, as Defender reports connection alerts.
            var connection = Evidence("networkConnectionEvidence", created, "suspicious", "none");
            connection["destinationAddress"] = new Dictionary<string, object?> { ["@odata.type"] = EvidenceNamespace + "ipEvidence", ["ipAddress"] = ip };
            connection["destinationPort"] = 443;
            connection["protocol"] = "tcp";
            AddEvidence(alert, seen, "connection:" + ip, connection);
        }

        if (NullIfEmpty(part.Url) is { } url)
        {
            var evidence = Evidence("urlEvidence", created, "suspicious", "none");
            evidence["url"] = url;
            AddEvidence(alert, seen, "url:" + url, evidence);
            if (Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) && parsed.Host.Length > 0)
            {
                var dns = Evidence("dnsEvidence", created, "suspicious", "none");
                dns["domainName"] = parsed.Host;
                AddEvidence(alert, seen, "dns:" + parsed.Host, dns);
            }
        }

        if (NullIfEmpty(part.Sha256) is { } sha256)
        {
            var hash = Evidence("fileHashEvidence", created, "malicious", "none");
            hash["algorithm"] = "sha256";
            hash["value"] = sha256;
            AddEvidence(alert, seen, "hash:" + sha256, hash);
        }

        if (NullIfEmpty(part.UserName) is not null && NullIfEmpty(part.CommandLine) is null)
        {
            var evidence = Evidence("userEvidence", created, "suspicious", "none");
            evidence["userAccount"] = UserAccount(part);
            AddEvidence(alert, seen, "user:" + part.UserDomain + "\\" + part.UserName, evidence);
        }
    }

    private static Dictionary<string, object?> DeviceEvidence(SiemRecord record, DateTime created)
    {
        var evidence = Evidence("deviceEvidence", created, "unknown", "none");
        evidence["deviceDnsName"] = record.ComputerDnsName;
        evidence["mdeDeviceId"] = record.DeviceID;
        evidence["rbacGroupName"] = record.MachineGroup;
        evidence["osPlatform"] = "Windows10";
        evidence["healthStatus"] = "active";
        evidence["onboardingStatus"] = "onboarded";
        evidence["loggedOnUsers"] = Split(record.LogOnUsers, ';', ',')
            .Select(user => user.Split('\\'))
            .Select(pieces => new Dictionary<string, object?>
            {
                ["accountName"] = pieces[^1],
                ["domainName"] = pieces.Length > 1 ? pieces[0] : null,
            })
            .ToList();
        evidence["tags"] = Split(record.DeviceCreatedMachineTags, ',').Concat(Split(record.CloudCreatedMachineTags, ',')).Distinct().ToList();
        string dnsName = record.ComputerDnsName ?? "";
        int dot = dnsName.IndexOf('.');
        evidence["hostName"] = dot > 0 ? dnsName.Substring(0, dot) : NullIfEmpty(dnsName);
        evidence["dnsDomain"] = dot > 0 ? dnsName.Substring(dot + 1) : null;
        if (AzureVmOf(record) is { } vm)
        {
            evidence["vmMetadata"] = vm;
        }

        return evidence;
    }

    /// <summary>A third of the machines are Azure virtual machines (vmMetadata, as the list-incidents example shows one).</summary>
    private static Dictionary<string, object?>? AzureVmOf(SiemRecord record)
    {
        string id = record.DeviceID ?? "";
        if (id.Length < 8 || id[0] % 3 != 0)
        {
            return null;
        }

        string subscription = $"{id.Substring(0, 8)}-0000-4000-8000-{id.Substring(id.Length - 12).PadLeft(12, '0')}";
        string name = (record.ComputerDnsName ?? id).Split('.')[0];
        return new Dictionary<string, object?>
        {
            ["vmId"] = $"{id.Substring(id.Length - 8)}-1111-4111-8111-{id.Substring(0, 12).PadLeft(12, '0')}",
            ["cloudProvider"] = "azure",
            ["resourceId"] = $"/subscriptions/{subscription}/resourceGroups/workstations/providers/Microsoft.Compute/virtualMachines/{name}",
            ["subscriptionId"] = subscription,
        };
    }

    private static Dictionary<string, object?> Evidence(string type, DateTime created, string verdict, string? remediationStatus) => new()
    {
        ["@odata.type"] = EvidenceNamespace + type,
        ["createdDateTime"] = created,
        ["verdict"] = verdict,
        ["remediationStatus"] = remediationStatus,
        ["remediationStatusDetails"] = null,
        ["roles"] = new List<string>(),
        ["tags"] = new List<string>(),
    };

    private static Dictionary<string, object?> FileDetails(SiemRecord part) => new()
    {
        ["fileName"] = NullIfEmpty(part.FileName),
        ["filePath"] = NullIfEmpty(part.FilePath),
        ["sha1"] = NullIfEmpty(part.Sha1),
        ["sha256"] = NullIfEmpty(part.Sha256),
    };

    private static Dictionary<string, object?> UserAccount(SiemRecord part) => new()
    {
        ["accountName"] = NullIfEmpty(part.UserName),
        ["domainName"] = NullIfEmpty(part.UserDomain),
    };

    /// <summary>
    /// detectionStatus "detected: A product of the threat that executed was detected." (alertEvidence page); a record
    /// that was not executing was neither "blocked" (remediated at run time) nor necessarily "prevented", so none.
    /// </summary>
    private static string? DetectionStatus(SiemRecord part) => part.WasExecutingWhileDetected == true ? "detected" : null;

    /// <summary>
    /// evidenceRemediationStatus (https://learn.microsoft.com/en-us/graph/api/resources/security-alertevidence):
    /// "remediated" has completed successfully, "none" when no remediation is named. A failed remediation or an action
    /// without a result has no member with that meaning ("notFound" is "The evidence was not found.",
    /// "unknownFutureValue" is the sentinel), so none is written; the action stays in remediationStatusDetails.
    /// </summary>
    private static string? RemediationStatus(SiemRecord part) => part.RemediationIsSuccess switch
    {
        true => "remediated",
        false => null,
        _ => NullIfEmpty(part.RemediationAction) is null ? "none" : null,
    };

    private static void AddEvidence(GraphAlertRecord alert, Dictionary<string, Dictionary<string, object?>> seen, string key, Dictionary<string, object?> evidence)
    {
        if (!seen.TryGetValue(key, out var earlier))
        {
            seen[key] = evidence;
            alert.Evidence.Add(evidence);
            return;
        }

        // One file named by several parts is one evidence; a hash only some parts carry still belongs to it.
        if (FileOf(earlier) is { } kept && FileOf(evidence) is { } repeated)
        {
            foreach (var pair in repeated)
            {
                kept[pair.Key] ??= pair.Value;
            }
        }
    }

    private static Dictionary<string, object?>? FileOf(Dictionary<string, object?> evidence) =>
        (evidence.TryGetValue("imageFile", out var image) ? image : evidence.TryGetValue("fileDetails", out var details) ? details : null)
            as Dictionary<string, object?>;

    private static IEnumerable<string> Split(string? text, params char[] separators) =>
        (text ?? "").Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
