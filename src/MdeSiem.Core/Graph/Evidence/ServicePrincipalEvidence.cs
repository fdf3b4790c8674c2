namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.servicePrincipalEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-serviceprincipalevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class ServicePrincipalEvidence : AlertEvidence
{
    public string? AppId { get; set; }

    public string? AppOwnerTenantId { get; set; }

    public string? ServicePrincipalName { get; set; }

    public string? ServicePrincipalObjectId { get; set; }

    /// <summary>microsoft.graph.security.servicePrincipalType, as the service sends it.</summary>
    public string? ServicePrincipalType { get; set; }

    public string? TenantId { get; set; }
}
