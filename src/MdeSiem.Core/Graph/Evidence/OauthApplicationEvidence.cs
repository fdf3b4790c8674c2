namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.oauthApplicationEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-oauthapplicationevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class OauthApplicationEvidence : AlertEvidence
{
    public string? AppId { get; set; }

    public string? DisplayName { get; set; }

    public string? ObjectId { get; set; }

    public string? Publisher { get; set; }
}
