using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.nicEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-nicevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class NicEvidence : AlertEvidence
{
    public IpEvidence? IpAddress { get; set; }

    public string? MacAddress { get; set; }

    public List<string> Vlans { get; set; } = new();
}
