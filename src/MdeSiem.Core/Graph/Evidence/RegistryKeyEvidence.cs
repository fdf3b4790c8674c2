namespace MdeSiem.Core.Graph;

/// <summary>A registry key (#microsoft.graph.security.registryKeyEvidence).</summary>
public sealed class RegistryKeyEvidence : AlertEvidence
{
    public string? RegistryHive { get; set; }

    public string? RegistryKey { get; set; }

    protected override string? Identity => RegistryKey;
}
