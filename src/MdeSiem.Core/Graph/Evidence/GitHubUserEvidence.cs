namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.gitHubUserEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-githubuserevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class GitHubUserEvidence : AlertEvidence
{
    public string? Email { get; set; }

    public string? Login { get; set; }

    public new string? Name { get; set; }

    public string? UserId { get; set; }

    public string? WebUrl { get; set; }

    protected override string? Identity => Name;
}
