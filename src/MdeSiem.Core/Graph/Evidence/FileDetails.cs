namespace MdeSiem.Core.Graph;

/// <summary>The file of a file or process evidence (microsoft.graph.security.fileDetails).</summary>
public sealed class FileDetails : GraphObject
{
    public string? FileName { get; set; }

    public string? FilePath { get; set; }

    public string? FilePublisher { get; set; }

    public long? FileSize { get; set; }

    public string? Issuer { get; set; }

    public string? Sha1 { get; set; }

    public string? Sha256 { get; set; }

    public string? Md5 { get; set; }

    public string? Signer { get; set; }

    public string? Sha256Ac { get; set; }
}
