using System;

namespace MdeSiem.Core.Graph;

/// <summary>An analyst comment on an alert or incident (microsoft.graph.security.alertComment).</summary>
public sealed class AlertComment
{
    public string? Comment { get; set; }

    public string? CreatedByDisplayName { get; set; }

    public DateTime? CreatedDateTime { get; set; }

    public override string ToString() => Comment ?? string.Empty;
}
