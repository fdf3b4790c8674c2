using System;

namespace MdeSiem.Core.Graph;

/// <summary>An analyst comment on an alert or incident (microsoft.graph.security.alertComment).</summary>
public sealed class AlertComment : GraphObject
{
    public string? Comment { get; set; }

    /// <summary>createdByDisplayName; the incident examples of the list-incidents page write "createdBy".</summary>
    [GraphWireName("createdBy")]
    public string? CreatedByDisplayName { get; set; }

    /// <summary>createdDateTime; the incident examples of the list-incidents page write "createdTime".</summary>
    [GraphWireName("createdTime")]
    public DateTime? CreatedDateTime { get; set; }

    public override string ToString() => Comment ?? string.Empty;
}
