namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.gitHubOrganizationEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-githuborganizationevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class GitHubOrganizationEvidence : AlertEvidence
{
    public string? Company { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    public string? Login { get; set; }

    public string? OrgId { get; set; }

    public string? WebUrl { get; set; }
}
