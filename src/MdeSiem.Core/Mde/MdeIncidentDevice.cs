using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Mde;

/// <summary>A device an incident's alert was raised on (alerts[].devices[]).</summary>
public sealed class MdeIncidentDevice
{
    /// <summary>The Defender for Endpoint device id.</summary>
    public string? MdatpDeviceId { get; set; }

    public string? AadDeviceId { get; set; }

    public string? DeviceDnsName { get; set; }

    public string? OsPlatform { get; set; }

    public string? Version { get; set; }

    public string? OsProcessor { get; set; }

    public long? OsBuild { get; set; }

    public string? HealthStatus { get; set; }

    public string? RiskScore { get; set; }

    public string? RbacGroupName { get; set; }

    public long? RbacGroupId { get; set; }

    public DateTime? FirstSeen { get; set; }

    public List<string> Tags { get; set; } = new();

    public Dictionary<string, object?> AdditionalProperties { get; set; } = new();

    public override string ToString() => DeviceDnsName ?? MdatpDeviceId ?? string.Empty;
}
