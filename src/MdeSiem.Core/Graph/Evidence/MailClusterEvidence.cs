using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.mailClusterEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-mailclusterevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class MailClusterEvidence : AlertEvidence
{
    public string? ClusterBy { get; set; }

    public string? ClusterByValue { get; set; }

    public long? EmailCount { get; set; }

    public List<string> NetworkMessageIds { get; set; } = new();

    public string? Query { get; set; }

    public string? Urn { get; set; }
}
