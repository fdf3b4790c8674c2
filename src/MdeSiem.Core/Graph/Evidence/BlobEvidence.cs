using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Evidence of type #microsoft.graph.security.blobEvidence
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-blobevidence; members as in the v1.0 metadata).
/// </summary>
public sealed class BlobEvidence : AlertEvidence
{
    public BlobContainerEvidence? BlobContainer { get; set; }

    public string? Etag { get; set; }

    public List<FileHash> FileHashes { get; set; } = new();

    public new string? Name { get; set; }

    public string? Url { get; set; }

    protected override string? Identity => Name;
}
