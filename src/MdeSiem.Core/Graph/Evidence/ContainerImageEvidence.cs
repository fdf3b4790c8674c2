namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.containerImageEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-containerimageevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class ContainerImageEvidence : AlertEvidence
{
    public ContainerImageEvidence? DigestImage { get; set; }

    public string? ImageId { get; set; }

    public ContainerRegistryEvidence? Registry { get; set; }
}
