using System;

namespace MdeSiem.Core.Graph;

/// <summary>A process (#microsoft.graph.security.processEvidence).</summary>
public sealed class ProcessEvidence : AlertEvidence
{
    public long? ProcessId { get; set; }

    public long? ParentProcessId { get; set; }

    public string? ProcessCommandLine { get; set; }

    public DateTime? ProcessCreationDateTime { get; set; }

    public DateTime? ParentProcessCreationDateTime { get; set; }

    public FileDetails? ImageFile { get; set; }

    public FileDetails? ParentProcessImageFile { get; set; }

    public UserAccount? UserAccount { get; set; }

    public string? DetectionStatus { get; set; }

    public string? MdeDeviceId { get; set; }

    protected override string? Identity => ImageFile?.FileName ?? ProcessCommandLine;
}
