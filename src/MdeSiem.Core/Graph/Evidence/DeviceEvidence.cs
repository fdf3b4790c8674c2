using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>A device (#microsoft.graph.security.deviceEvidence).</summary>
public sealed class DeviceEvidence : AlertEvidence
{
    public string? DeviceDnsName { get; set; }

    public string? AzureAdDeviceId { get; set; }

    public string? MdeDeviceId { get; set; }

    public DateTime? FirstSeenDateTime { get; set; }

    public string? HealthStatus { get; set; }

    public string? OnboardingStatus { get; set; }

    public string? DefenderAvStatus { get; set; }

    public string? OsPlatform { get; set; }

    public long? OsBuild { get; set; }

    public string? Version { get; set; }

    public string? RbacGroupName { get; set; }

    public long? RbacGroupId { get; set; }

    public string? RiskScore { get; set; }

    public string? DnsDomain { get; set; }

    public string? HostName { get; set; }

    public string? NtDomain { get; set; }

    public string? LastExternalIpAddress { get; set; }

    public string? LastIpAddress { get; set; }

    public List<string> IpInterfaces { get; set; } = new();

    /// <summary>loggedOnUser objects (accountName, domainName): read as accounts, which carry both.</summary>
    public List<UserAccount> LoggedOnUsers { get; set; } = new();

    public VmMetadata? VmMetadata { get; set; }

    public List<ResourceAccessEvent> ResourceAccessEvents { get; set; } = new();

    protected override string? Identity => DeviceDnsName ?? HostName ?? MdeDeviceId;
}
