namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.kubernetesSecretEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-kubernetessecretevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class KubernetesSecretEvidence : AlertEvidence
{
    public new string? Name { get; set; }

    public KubernetesNamespaceEvidence? Namespace { get; set; }

    public string? SecretType { get; set; }

    protected override string? Identity => Name;
}
