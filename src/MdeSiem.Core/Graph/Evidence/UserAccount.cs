using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>An account (microsoft.graph.security.userAccount; properties as the v1.0 metadata declares them).</summary>
public sealed class UserAccount : GraphObject
{
    public string? AccountName { get; set; }

    public string? DomainName { get; set; }

    public string? UserSid { get; set; }

    public string? AzureAdUserId { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? DisplayName { get; set; }

    public Guid? ActiveDirectoryObjectGuid { get; set; }

    public List<ResourceAccessEvent> ResourceAccessEvents { get; set; } = new();

    public string? TenantId { get; set; }
}
