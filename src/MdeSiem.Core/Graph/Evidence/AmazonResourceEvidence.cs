namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.amazonResourceEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-amazonresourceevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class AmazonResourceEvidence : AlertEvidence
{
    public string? AmazonAccountId { get; set; }

    public string? AmazonResourceId { get; set; }

    public string? ResourceName { get; set; }

    public string? ResourceType { get; set; }
}
