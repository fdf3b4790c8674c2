using System;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.cloudLogonSessionEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-cloudlogonsessionevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class CloudLogonSessionEvidence : AlertEvidence
{
    public UserEvidence? Account { get; set; }

    public string? Browser { get; set; }

    public string? DeviceName { get; set; }

    public string? OperatingSystem { get; set; }

    public DateTime? PreviousLogonDateTime { get; set; }

    public string? Protocol { get; set; }

    public string? SessionId { get; set; }

    public DateTime? StartUtcDateTime { get; set; }

    public string? UserAgent { get; set; }
}
