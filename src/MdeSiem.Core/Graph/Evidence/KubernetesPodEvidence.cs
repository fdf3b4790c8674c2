using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.kubernetesPodEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-kubernetespodevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class KubernetesPodEvidence : AlertEvidence
{
    public List<ContainerEvidence> Containers { get; set; } = new();

    public KubernetesControllerEvidence? Controller { get; set; }

    public List<ContainerEvidence> EphemeralContainers { get; set; } = new();

    public List<ContainerEvidence> InitContainers { get; set; } = new();

    public Dictionary<string, object?> Labels { get; set; } = new();

    public new string? Name { get; set; }

    public KubernetesNamespaceEvidence? Namespace { get; set; }

    public IpEvidence? PodIp { get; set; }

    public KubernetesServiceAccountEvidence? ServiceAccount { get; set; }

    protected override string? Identity => Name;
}
