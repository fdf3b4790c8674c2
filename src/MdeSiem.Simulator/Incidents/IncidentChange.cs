using System;
using System.Collections.Generic;
using MdeSiem.Simulator.Graph;

namespace MdeSiem.Simulator.Incidents;

/// <summary>
/// What the incident update APIs changed on one incident, in Graph's spelling. Incidents are derived from their
/// alerts on every request; these values are laid over them, through whichever API (Graph or Defender XDR) set them.
/// </summary>
internal sealed class IncidentChange
{
    public string? Status { get; set; }

    public bool OwnerChanged { get; set; }

    public string? AssignedTo { get; set; }

    public string? Classification { get; set; }

    public string? Determination { get; set; }

    public List<string>? CustomTags { get; set; }

    public List<GraphCommentRecord> Comments { get; set; } = [];

    public DateTime LastUpdateDateTime { get; set; }

    public IncidentChange Clone()
    {
        var copy = (IncidentChange)MemberwiseClone();
        copy.CustomTags = CustomTags is null ? null : [.. CustomTags];
        copy.Comments = [.. Comments];
        return copy;
    }
}
