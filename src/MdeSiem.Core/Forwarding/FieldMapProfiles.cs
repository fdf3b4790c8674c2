using System.Collections.Generic;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// The built-in mappings. The SIEM record profile follows the ArcSight column of Microsoft's "Defender for Endpoint
/// detections API fields" table (api-portal-mapping): name=AlertTitle, deviceSeverity, deviceEventCategory,
/// sourceServiceName, sourceHostName, fileName, filePath, sourceNtDomain, sourceUserName, fileHash=Sha1,
/// deviceCustomString5/6 = Md5/Sha256, deviceCustomString1 = ThreatName, sourceAddress, requestUrl,
/// deviceCustomNumber1/2 = WasExecutingWhileDetected/RemediationIsSuccess (1/0), externalId=AlertId,
/// flexString1=LinkToWDATP, deviceReceiptTime=AlertTime, sourceDnsDomain, deviceCustomString4=Actor,
/// sourceUserId=LogOnUsers; vendor Microsoft, product "Microsoft Defender ATP", version 2.0. Keys are written in
/// CEF's short form where the CEF standard defines one.
/// </summary>
public static class FieldMapProfiles
{
    public static readonly FieldMapProfile SiemRecord = new()
    {
        Name = "SiemRecord",
        Product = "Microsoft Defender ATP",
        SignatureIdSources = new[] { "IoaDefinitionId", "ThreatName", "Category" },
        SignatureIdFallback = "detection",
        NameSources = new[] { "AlertTitle" },
        SeveritySources = new[] { "Severity" },
        CefExtensions = new[]
        {
            new FieldMapping("externalId", new[] { "AlertId" }),
            new FieldMapping("deviceSeverity", new[] { "Severity" }),
            new FieldMapping("cat", new[] { "Category" }),
            new FieldMapping("rt", new[] { "AlertTime" }, FieldValueKind.EpochMilliseconds),
            new FieldMapping("sourceServiceName", new[] { "Source" }),
            new FieldMapping("shost", new[] { "MachineName", "ComputerDnsName" }),
            new FieldMapping("sourceDnsDomain", new[] { "MachineDomain" }),
            new FieldMapping("src", new[] { "IpAddress" }),
            new FieldMapping("request", new[] { "Url" }),
            new FieldMapping("fname", new[] { "FileName" }),
            new FieldMapping("filePath", new[] { "FilePath" }),
            new FieldMapping("fileHash", new[] { "Sha1" }),
            new FieldMapping("cs5", new[] { "Md5" }, labelKey: "cs5Label", label: "Md5"),
            new FieldMapping("cs6", new[] { "Sha256" }, labelKey: "cs6Label", label: "Sha256"),
            new FieldMapping("cs1", new[] { "ThreatName" }, labelKey: "cs1Label", label: "ThreatName"),
            new FieldMapping("cs4", new[] { "Actor" }, labelKey: "cs4Label", label: "Actor"),
            new FieldMapping("sntdom", new[] { "UserDomain" }),
            new FieldMapping("suser", new[] { "UserName" }),
            new FieldMapping("suid", new[] { "LogOnUsers" }),
            new FieldMapping("cn1", new[] { "WasExecutingWhileDetected" }, FieldValueKind.Flag, "cn1Label", "WasExecutingWhileDetected"),
            new FieldMapping("cn2", new[] { "RemediationIsSuccess" }, FieldValueKind.Flag, "cn2Label", "RemediationIsSuccess"),
            new FieldMapping("flexString1", new[] { "LinkToWDATP" }, labelKey: "flexString1Label", label: "LinkToWDATP"),
        },
        LeefAttributes = new[]
        {
            new FieldMapping("devTime", new[] { "AlertTime" }, FieldValueKind.IsoMilliseconds),
            new FieldMapping("cat", new[] { "Category" }),
            new FieldMapping("externalId", new[] { "AlertId" }),
            new FieldMapping("severity", new[] { "Severity" }),
            new FieldMapping("title", new[] { "AlertTitle" }),
            new FieldMapping("identHostName", new[] { "MachineName", "ComputerDnsName" }),
            new FieldMapping("src", new[] { "IpAddress" }),
            new FieldMapping("url", new[] { "Url" }),
            new FieldMapping("usrName", new[] { "UserName" }),
            new FieldMapping("domain", new[] { "UserDomain" }),
            new FieldMapping("detectionSource", new[] { "Source" }),
            new FieldMapping("fileName", new[] { "FileName" }),
            new FieldMapping("filePath", new[] { "FilePath" }),
            new FieldMapping("sha1", new[] { "Sha1" }),
            new FieldMapping("md5", new[] { "Md5" }),
            new FieldMapping("sha256", new[] { "Sha256" }),
            new FieldMapping("threatName", new[] { "ThreatName" }),
            new FieldMapping("actor", new[] { "Actor" }),
            new FieldMapping("link", new[] { "LinkToWDATP" }),
        },
    };

    /// <summary>Graph security alerts (v1.0 alert resource names), under the Defender XDR product name.</summary>
    public static readonly FieldMapProfile GraphAlert = new()
    {
        Name = "GraphAlert",
        Product = "Microsoft Defender XDR",
        SignatureIdSources = new[] { "detectorId", "alertPolicyId", "category" },
        NameSources = new[] { "title" },
        SeveritySources = new[] { "severity" },
        CefExtensions = new[]
        {
            new FieldMapping("externalId", new[] { "id" }),
            new FieldMapping("deviceSeverity", new[] { "severity" }),
            new FieldMapping("cat", new[] { "category" }),
            new FieldMapping("rt", new[] { "createdDateTime" }, FieldValueKind.EpochMilliseconds),
            new FieldMapping("sourceServiceName", new[] { "detectionSource", "serviceSource" }),
            new FieldMapping("msg", new[] { "description" }),
            new FieldMapping("cs1", new[] { "threatDisplayName" }, labelKey: "cs1Label", label: "ThreatName"),
            new FieldMapping("cs2", new[] { "incidentId" }, labelKey: "cs2Label", label: "IncidentId"),
            new FieldMapping("cs3", new[] { "status" }, labelKey: "cs3Label", label: "Status"),
            new FieldMapping("cs4", new[] { "actorDisplayName" }, labelKey: "cs4Label", label: "Actor"),
            new FieldMapping("flexString1", new[] { "alertWebUrl" }, labelKey: "flexString1Label", label: "AlertWebUrl"),
            new FieldMapping("flexString2", new[] { "incidentWebUrl" }, labelKey: "flexString2Label", label: "IncidentWebUrl"),
        },
        LeefAttributes = new[]
        {
            new FieldMapping("devTime", new[] { "createdDateTime" }, FieldValueKind.IsoMilliseconds),
            new FieldMapping("cat", new[] { "category" }),
            new FieldMapping("externalId", new[] { "id" }),
            new FieldMapping("severity", new[] { "severity" }),
            new FieldMapping("title", new[] { "title" }),
            new FieldMapping("detectionSource", new[] { "detectionSource", "serviceSource" }),
            new FieldMapping("threatName", new[] { "threatDisplayName" }),
            new FieldMapping("incidentId", new[] { "incidentId" }),
            new FieldMapping("status", new[] { "status" }),
            new FieldMapping("link", new[] { "alertWebUrl" }),
        },
    };

    /// <summary>Defender for Endpoint alerts API alerts (Get-MdeAlert), under the Defender for Endpoint product name.</summary>
    public static readonly FieldMapProfile MdeAlert = new()
    {
        Name = "MdeAlert",
        Product = "Microsoft Defender for Endpoint",
        SignatureIdSources = new[] { "detectorId", "threatName", "category" },
        SignatureIdFallback = "alert",
        NameSources = new[] { "title" },
        SeveritySources = new[] { "severity" },
        CefExtensions = new[]
        {
            new FieldMapping("externalId", new[] { "id" }),
            new FieldMapping("deviceSeverity", new[] { "severity" }),
            new FieldMapping("cat", new[] { "category" }),
            new FieldMapping("rt", new[] { "alertCreationTime" }, FieldValueKind.EpochMilliseconds),
            new FieldMapping("sourceServiceName", new[] { "detectionSource" }),
            new FieldMapping("shost", new[] { "computerDnsName" }),
            new FieldMapping("msg", new[] { "description" }),
            new FieldMapping("cs1", new[] { "threatName" }, labelKey: "cs1Label", label: "ThreatName"),
            new FieldMapping("cs2", new[] { "incidentId" }, labelKey: "cs2Label", label: "IncidentId"),
            new FieldMapping("cs3", new[] { "status" }, labelKey: "cs3Label", label: "Status"),
            new FieldMapping("cs4", new[] { "machineId" }, labelKey: "cs4Label", label: "MachineId"),
            new FieldMapping("cs5", new[] { "rbacGroupName" }, labelKey: "cs5Label", label: "RbacGroupName"),
            new FieldMapping("cs6", new[] { "threatFamilyName" }, labelKey: "cs6Label", label: "ThreatFamily"),
        },
        LeefAttributes = new[]
        {
            new FieldMapping("devTime", new[] { "alertCreationTime" }, FieldValueKind.IsoMilliseconds),
            new FieldMapping("cat", new[] { "category" }),
            new FieldMapping("externalId", new[] { "id" }),
            new FieldMapping("severity", new[] { "severity" }),
            new FieldMapping("title", new[] { "title" }),
            new FieldMapping("identHostName", new[] { "computerDnsName" }),
            new FieldMapping("detectionSource", new[] { "detectionSource" }),
            new FieldMapping("threatName", new[] { "threatName" }),
            new FieldMapping("incidentId", new[] { "incidentId" }),
            new FieldMapping("status", new[] { "status" }),
            new FieldMapping("machineId", new[] { "machineId" }),
        },
    };

    /// <summary>
    /// Chooses by the fields present: a Graph alert has "title" and "createdDateTime" and no "AlertTitle" (names
    /// compare ignoring case, as PowerShell's do, so "title" alone cannot tell them apart).
    /// </summary>
    public static FieldMapProfile For(IFieldSource source)
    {
        // A Defender for Endpoint alerts API alert: alertCreationTime is its own name (neither SIEM nor Graph has it).
        if (!source.TryGetValue("AlertTitle", out _) && source.TryGetValue("alertCreationTime", out _))
        {
            return MdeAlert;
        }

        if (!source.TryGetValue("AlertTitle", out _) && source.TryGetValue("createdDateTime", out _)
            && (source.TryGetValue("title", out _) || source.TryGetValue("id", out _)))
        {
            return GraphAlert;
        }

        return SiemRecord;
    }

    public static IEnumerable<FieldMapProfile> All => new[] { SiemRecord, GraphAlert, MdeAlert };
}
