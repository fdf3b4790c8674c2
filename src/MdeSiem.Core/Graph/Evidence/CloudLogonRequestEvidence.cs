namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.cloudLogonRequestEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-cloudlogonrequestevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class CloudLogonRequestEvidence : AlertEvidence
{
    public string? RequestId { get; set; }
}
