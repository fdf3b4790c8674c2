namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.aiAgentEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-aiagentevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class AiAgentEvidence : AlertEvidence
{
    public string? AgentId { get; set; }

    public string? AgentName { get; set; }

    /// <summary>microsoft.graph.security.aiAgentPlatform, as the service sends it.</summary>
    public string? HostingPlatformType { get; set; }

    public string? Instructions { get; set; }
}
