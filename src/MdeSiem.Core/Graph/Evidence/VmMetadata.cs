namespace MdeSiem.Core.Graph;

/// <summary>
/// microsoft.graph.security.vmMetadata, part of alert evidence, as the v1.0 metadata
/// (https://graph.microsoft.com/v1.0/$metadata) declares it.
/// </summary>
public sealed class VmMetadata : GraphObject
{
    /// <summary>microsoft.graph.security.vmCloudProvider, as the service sends it.</summary>
    public string? CloudProvider { get; set; }

    public string? ResourceId { get; set; }

    public string? SubscriptionId { get; set; }

    public string? VmId { get; set; }
}
