namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.blobContainerEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-blobcontainerevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class BlobContainerEvidence : AlertEvidence
{
    public new string? Name { get; set; }

    public AzureResourceEvidence? StorageResource { get; set; }

    public string? Url { get; set; }

    protected override string? Identity => Name;
}
