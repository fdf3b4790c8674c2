namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.kubernetesServiceAccountEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-kubernetesserviceaccountevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class KubernetesServiceAccountEvidence : AlertEvidence
{
    public new string? Name { get; set; }

    public KubernetesNamespaceEvidence? Namespace { get; set; }

    protected override string? Identity => Name;
}
