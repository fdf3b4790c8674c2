namespace MdeSiem.Core.Graph;

/// <summary>
/// microsoft.graph.security.kubernetesServicePort, part of alert evidence, as the v1.0 metadata
/// (https://graph.microsoft.com/v1.0/$metadata) declares it.
/// </summary>
public sealed class KubernetesServicePort : GraphObject
{
    public string? AppProtocol { get; set; }

    public string? Name { get; set; }

    public int? NodePort { get; set; }

    public int? Port { get; set; }

    /// <summary>microsoft.graph.security.containerPortProtocol, as the service sends it.</summary>
    public string? Protocol { get; set; }

    public string? TargetPort { get; set; }
}
