using System;

namespace MdeSiem.Simulator;

/// <summary>
/// One element of the SIEM API's response array ("alert" in the API's words; one part of an alert). Property names
/// and types are the wire names and types of the documented response sample. Strings may be null or empty, as the
/// real service sends both.
/// </summary>
public sealed class SiemRecord
{
    public DateTime AlertTime { get; set; }

    public string? ComputerDnsName { get; set; }

    public string? AlertTitle { get; set; }

    public string? Category { get; set; }

    /// <summary>Informational, Low, Medium or High.</summary>
    public string? Severity { get; set; }

    public string AlertId { get; set; } = "";

    public string? Actor { get; set; }

    public string? LinkToWDATP { get; set; }

    public string? IocName { get; set; }

    public string? IocValue { get; set; }

    public string? CreatorIocName { get; set; }

    public string? CreatorIocValue { get; set; }

    public string? Sha1 { get; set; }

    public string? FileName { get; set; }

    public string? FilePath { get; set; }

    public string? IpAddress { get; set; }

    public string? Url { get; set; }

    public string? IoaDefinitionId { get; set; }

    public string? UserName { get; set; }

    public int AlertPart { get; set; }

    /// <summary>"AlertId:IocUniqueId": unique per record, the key clients deduplicate on.</summary>
    public string FullId { get; set; } = "";

    public DateTime LastProcessedTimeUtc { get; set; }

    public string? ThreatCategory { get; set; }

    public string? ThreatFamily { get; set; }

    public string? ThreatName { get; set; }

    public string? RemediationAction { get; set; }

    public bool? RemediationIsSuccess { get; set; }

    /// <summary>EDR, Antivirus, SmartScreen, CustomTI, CustomDetection.</summary>
    public string? Source { get; set; }

    public string? Md5 { get; set; }

    public string? Sha256 { get; set; }

    public bool? WasExecutingWhileDetected { get; set; }

    public string? UserDomain { get; set; }

    public string? LogOnUsers { get; set; }

    public string? MachineDomain { get; set; }

    public string? MachineName { get; set; }

    public string? InternalIPv4List { get; set; }

    public string? InternalIPv6List { get; set; }

    public string? FileHash { get; set; }

    public string? DeviceID { get; set; }

    public string? MachineGroup { get; set; }

    public string? Description { get; set; }

    public string? DeviceCreatedMachineTags { get; set; }

    /// <summary>Comma-separated tags set in the portal.</summary>
    public string? CloudCreatedMachineTags { get; set; }

    public string? CommandLine { get; set; }

    public string? IncidentLinkToWDATP { get; set; }

    public long ReportID { get; set; }

    public string? LinkToMTP { get; set; }

    public string? IncidentLinkToMTP { get; set; }

    public string? ExternalId { get; set; }

    public string IocUniqueId { get; set; } = "";
}
