namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.googleCloudResourceEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-googlecloudresourceevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class GoogleCloudResourceEvidence : AlertEvidence
{
    public string? FullResourceName { get; set; }

    public string? Location { get; set; }

    /// <summary>microsoft.graph.security.googleCloudLocationType, as the service sends it.</summary>
    public string? LocationType { get; set; }

    public string? ProjectId { get; set; }

    public long? ProjectNumber { get; set; }

    public string? ResourceName { get; set; }

    public string? ResourceType { get; set; }
}
