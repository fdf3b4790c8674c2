namespace MdeSiem.Core.Graph;

/// <summary>A registry value (#microsoft.graph.security.registryValueEvidence).</summary>
public sealed class RegistryValueEvidence : AlertEvidence
{
    public string? MdeDeviceId { get; set; }

    public string? RegistryHive { get; set; }

    public string? RegistryKey { get; set; }

    public string? RegistryValue { get; set; }

    public string? RegistryValueName { get; set; }

    public string? RegistryValueType { get; set; }

    protected override string? Identity => RegistryValueName is null ? RegistryKey : RegistryKey + "\\" + RegistryValueName;
}
