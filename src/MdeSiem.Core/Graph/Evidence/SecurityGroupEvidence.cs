using System;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.securityGroupEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-securitygroupevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class SecurityGroupEvidence : AlertEvidence
{
    public Guid? ActiveDirectoryObjectGuid { get; set; }

    public string? DisplayName { get; set; }

    public string? DistinguishedName { get; set; }

    public string? FriendlyName { get; set; }

    public string? SecurityGroupId { get; set; }

    public string? Sid { get; set; }
}
