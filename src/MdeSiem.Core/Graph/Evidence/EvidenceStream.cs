namespace MdeSiem.Core.Graph;

/// <summary>
/// microsoft.graph.security.stream, part of alert evidence, as the v1.0 metadata
/// (https://graph.microsoft.com/v1.0/$metadata) declares it.
/// </summary>
public sealed class EvidenceStream : GraphObject
{
    public string? Name { get; set; }
}
