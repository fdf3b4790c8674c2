namespace MdeSiem.Core.Graph;

/// <summary>A file (#microsoft.graph.security.fileEvidence).</summary>
public sealed class FileEvidence : AlertEvidence
{
    public FileDetails? FileDetails { get; set; }

    public string? DetectionStatus { get; set; }

    public string? MdeDeviceId { get; set; }

    protected override string? Identity => FileDetails?.FileName ?? FileDetails?.Sha256;
}
