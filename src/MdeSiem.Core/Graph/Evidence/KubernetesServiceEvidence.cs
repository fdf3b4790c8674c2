using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.kubernetesServiceEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-kubernetesserviceevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class KubernetesServiceEvidence : AlertEvidence
{
    public IpEvidence? ClusterIP { get; set; }

    public List<IpEvidence> ExternalIPs { get; set; } = new();

    public Dictionary<string, object?> Labels { get; set; } = new();

    public new string? Name { get; set; }

    public KubernetesNamespaceEvidence? Namespace { get; set; }

    public Dictionary<string, object?> Selector { get; set; } = new();

    public List<KubernetesServicePort> ServicePorts { get; set; } = new();

    /// <summary>microsoft.graph.security.kubernetesServiceType, as the service sends it.</summary>
    public string? ServiceType { get; set; }

    protected override string? Identity => Name;
}
