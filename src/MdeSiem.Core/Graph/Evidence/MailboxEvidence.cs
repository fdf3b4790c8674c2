namespace MdeSiem.Core.Graph;

/// <summary>A mailbox (#microsoft.graph.security.mailboxEvidence).</summary>
public sealed class MailboxEvidence : AlertEvidence
{
    public string? DisplayName { get; set; }

    public string? PrimaryAddress { get; set; }

    public string? Upn { get; set; }

    public UserAccount? UserAccount { get; set; }

    protected override string? Identity => PrimaryAddress ?? DisplayName;
}
