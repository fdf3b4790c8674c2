using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.dnsEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-dnsevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class DnsEvidence : AlertEvidence
{
    public IpEvidence? DnsServerIp { get; set; }

    public string? DomainName { get; set; }

    public IpEvidence? HostIpAddress { get; set; }

    public List<IpEvidence> IpAddresses { get; set; } = new();
}
