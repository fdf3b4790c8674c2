using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Mde;

/// <summary>
/// One piece of evidence of a Defender for Endpoint alert ($expand=evidence). The service sends one flat shape for
/// every kind, told apart by <see cref="EntityType"/> (User, Process, File, Ip, Url, Registry, ...); the properties
/// that do not apply to a kind are null.
/// </summary>
public sealed class MdeAlertEvidence
{
    public string? EntityType { get; set; }

    public DateTime? EvidenceCreationTime { get; set; }

    public string? Sha1 { get; set; }

    public string? Sha256 { get; set; }

    public string? FileName { get; set; }

    public string? FilePath { get; set; }

    public long? ProcessId { get; set; }

    public string? ProcessCommandLine { get; set; }

    public DateTime? ProcessCreationTime { get; set; }

    public long? ParentProcessId { get; set; }

    public DateTime? ParentProcessCreationTime { get; set; }

    public string? ParentProcessFileName { get; set; }

    public string? ParentProcessFilePath { get; set; }

    public string? IpAddress { get; set; }

    public string? Url { get; set; }

    public string? RegistryKey { get; set; }

    public string? RegistryHive { get; set; }

    public string? RegistryValueType { get; set; }

    public string? RegistryValue { get; set; }

    public string? AccountName { get; set; }

    public string? DomainName { get; set; }

    public string? UserSid { get; set; }

    public string? AadUserId { get; set; }

    public string? UserPrincipalName { get; set; }

    /// <summary>Detected, Blocked, Prevented, ... as the service sends it.</summary>
    public string? DetectionStatus { get; set; }

    public Dictionary<string, object?> AdditionalProperties { get; set; } = new();

    public override string ToString() => EntityType + ": " + (FileName ?? ProcessCommandLine ?? IpAddress ?? Url ?? AccountName ?? RegistryKey ?? string.Empty);
}
