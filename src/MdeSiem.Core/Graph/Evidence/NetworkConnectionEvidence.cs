namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.networkConnectionEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-networkconnectionevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class NetworkConnectionEvidence : AlertEvidence
{
    public IpEvidence? DestinationAddress { get; set; }

    public int? DestinationPort { get; set; }

    /// <summary>microsoft.graph.security.protocolType, as the service sends it.</summary>
    public string? Protocol { get; set; }

    public IpEvidence? SourceAddress { get; set; }

    public int? SourcePort { get; set; }
}
