using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.kubernetesControllerEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-kubernetescontrollerevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class KubernetesControllerEvidence : AlertEvidence
{
    public Dictionary<string, object?> Labels { get; set; } = new();

    public new string? Name { get; set; }

    public KubernetesNamespaceEvidence? Namespace { get; set; }

    public string? Type { get; set; }

    protected override string? Identity => Name;
}
