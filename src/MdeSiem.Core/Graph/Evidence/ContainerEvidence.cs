using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.containerEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-containerevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class ContainerEvidence : AlertEvidence
{
    public List<string> Args { get; set; } = new();

    public List<string> Command { get; set; } = new();

    public string? ContainerId { get; set; }

    public ContainerImageEvidence? Image { get; set; }

    public bool? IsPrivileged { get; set; }

    public new string? Name { get; set; }

    public KubernetesPodEvidence? Pod { get; set; }

    protected override string? Identity => Name;
}
