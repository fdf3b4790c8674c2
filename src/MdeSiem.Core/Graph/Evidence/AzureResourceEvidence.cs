namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.azureResourceEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-azureresourceevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class AzureResourceEvidence : AlertEvidence
{
    public string? ResourceId { get; set; }

    public string? ResourceName { get; set; }

    public string? ResourceType { get; set; }
}
