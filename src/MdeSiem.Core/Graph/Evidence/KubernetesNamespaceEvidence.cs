using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.kubernetesNamespaceEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-kubernetesnamespaceevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class KubernetesNamespaceEvidence : AlertEvidence
{
    public KubernetesClusterEvidence? Cluster { get; set; }

    public Dictionary<string, object?> Labels { get; set; } = new();

    public new string? Name { get; set; }

    protected override string? Identity => Name;
}
