namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.fileHashEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-filehashevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class FileHashEvidence : AlertEvidence
{
    /// <summary>microsoft.graph.security.fileHashAlgorithm, as the service sends it.</summary>
    public string? Algorithm { get; set; }

    public string? Value { get; set; }
}
