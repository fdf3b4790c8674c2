using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Mde;

/// <summary>
/// An entity involved in an incident's alert (alerts[].entities[]): one flat shape told apart by
/// <see cref="EntityType"/> (User, Ip, Url, File, Process, MailBox, MailMessage, MailCluster, Registry, SecurityGroup).
/// </summary>
public sealed class MdeIncidentEntity
{
    public string? EntityType { get; set; }

    public string? Sha1 { get; set; }

    public string? Sha256 { get; set; }

    public string? FileName { get; set; }

    public string? FilePath { get; set; }

    public long? ProcessId { get; set; }

    public string? ProcessCommandLine { get; set; }

    public DateTime? ProcessCreationTime { get; set; }

    public long? ParentProcessId { get; set; }

    public DateTime? ParentProcessCreationTime { get; set; }

    public string? IpAddress { get; set; }

    public string? Url { get; set; }

    public string? AccountName { get; set; }

    public string? DomainName { get; set; }

    public string? UserSid { get; set; }

    public string? AadUserId { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? MailboxDisplayName { get; set; }

    public string? MailboxAddress { get; set; }

    public string? ClusterBy { get; set; }

    public string? Sender { get; set; }

    public string? Recipient { get; set; }

    public string? Subject { get; set; }

    public string? DeliveryAction { get; set; }

    public string? SecurityGroupId { get; set; }

    public string? SecurityGroupName { get; set; }

    public string? RegistryHive { get; set; }

    public string? RegistryKey { get; set; }

    public string? RegistryValueType { get; set; }

    public string? RegistryValue { get; set; }

    public string? DeviceId { get; set; }

    public Dictionary<string, object?> AdditionalProperties { get; set; } = new();

    public override string ToString() => EntityType + ": " + (FileName ?? ProcessCommandLine ?? IpAddress ?? Url ?? AccountName ?? MailboxAddress ?? RegistryKey ?? string.Empty);
}
