using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.activeDirectoryDomainEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-activedirectorydomainevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class ActiveDirectoryDomainEvidence : AlertEvidence
{
    public string? ActiveDirectoryDomainName { get; set; }

    public List<ActiveDirectoryDomainEvidence> TrustedDomains { get; set; } = new();
}
