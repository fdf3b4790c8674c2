namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.gitHubRepoEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-githubrepoevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class GitHubRepoEvidence : AlertEvidence
{
    public string? BaseUrl { get; set; }

    public string? Login { get; set; }

    public string? Owner { get; set; }

    public string? OwnerType { get; set; }

    public string? RepoId { get; set; }
}
