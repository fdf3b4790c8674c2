namespace MdeSiem.Core.Graph;

/// <summary>An account (microsoft.graph.security.userAccount).</summary>
public sealed class UserAccount : GraphObject
{
    public string? AccountName { get; set; }

    public string? DomainName { get; set; }

    public string? UserSid { get; set; }

    public string? AzureAdUserId { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? DisplayName { get; set; }
}
