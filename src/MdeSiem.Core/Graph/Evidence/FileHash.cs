namespace MdeSiem.Core.Graph;

/// <summary>
/// microsoft.graph.security.fileHash, part of alert evidence, as the v1.0 metadata
/// (https://graph.microsoft.com/v1.0/$metadata) declares it.
/// </summary>
public sealed class FileHash : GraphObject
{
    /// <summary>microsoft.graph.security.fileHashAlgorithm, as the service sends it.</summary>
    public string? Algorithm { get; set; }

    public string? Value { get; set; }
}
