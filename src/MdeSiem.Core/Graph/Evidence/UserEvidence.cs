namespace MdeSiem.Core.Graph;

/// <summary>A user account (#microsoft.graph.security.userEvidence).</summary>
public sealed class UserEvidence : AlertEvidence
{
    public UserAccount? UserAccount { get; set; }

    public EvidenceStream? Stream { get; set; }

    protected override string? Identity => UserAccount?.UserPrincipalName ?? UserAccount?.AccountName;
}
