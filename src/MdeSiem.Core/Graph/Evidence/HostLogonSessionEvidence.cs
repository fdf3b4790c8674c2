using System;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.hostLogonSessionEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-hostlogonsessionevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class HostLogonSessionEvidence : AlertEvidence
{
    public UserEvidence? Account { get; set; }

    public DateTime? EndUtcDateTime { get; set; }

    public DeviceEvidence? Host { get; set; }

    public string? SessionId { get; set; }

    public DateTime? StartUtcDateTime { get; set; }
}
