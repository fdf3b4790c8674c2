namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.containerRegistryEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-containerregistryevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class ContainerRegistryEvidence : AlertEvidence
{
    public string? Registry { get; set; }
}
