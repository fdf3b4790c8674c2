namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.kubernetesClusterEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-kubernetesclusterevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class KubernetesClusterEvidence : AlertEvidence
{
    public AlertEvidence? CloudResource { get; set; }

    public string? Distribution { get; set; }

    public new string? Name { get; set; }

    /// <summary>microsoft.graph.security.kubernetesPlatform, as the service sends it.</summary>
    public string? Platform { get; set; }

    public string? Version { get; set; }

    protected override string? Identity => Name;
}
