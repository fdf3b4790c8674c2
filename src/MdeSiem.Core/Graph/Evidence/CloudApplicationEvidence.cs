namespace MdeSiem.Core.Graph;

/// <summary>A cloud application (#microsoft.graph.security.cloudApplicationEvidence).</summary>
public sealed class CloudApplicationEvidence : AlertEvidence
{
    public long? AppId { get; set; }

    public string? DisplayName { get; set; }

    public long? InstanceId { get; set; }

    public string? InstanceName { get; set; }

    public long? SaasAppId { get; set; }

    public EvidenceStream? Stream { get; set; }

    protected override string? Identity => DisplayName ?? InstanceName;
}
