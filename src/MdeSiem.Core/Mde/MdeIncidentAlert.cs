using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Mde;

/// <summary>An alert as the Defender XDR incidents API embeds it in an incident (its own field names, not the alerts API's).</summary>
public sealed class MdeIncidentAlert
{
    public string? AlertId { get; set; }

    public long? IncidentId { get; set; }

    /// <summary>MicrosoftDefenderATP, OfficeATP, MicrosoftCloudAppSecurity, ... as the service sends it.</summary>
    public string? ServiceSource { get; set; }

    public DateTime? CreationTime { get; set; }

    public DateTime? LastUpdatedTime { get; set; }

    public DateTime? ResolvedTime { get; set; }

    public DateTime? FirstActivity { get; set; }

    public DateTime? LastActivity { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? Category { get; set; }

    public string? Status { get; set; }

    public string? Severity { get; set; }

    public long? InvestigationId { get; set; }

    public string? InvestigationState { get; set; }

    public string? Classification { get; set; }

    public string? Determination { get; set; }

    public string? DetectionSource { get; set; }

    public string? DetectorId { get; set; }

    public string? AssignedTo { get; set; }

    public string? ActorName { get; set; }

    public string? ThreatFamilyName { get; set; }

    public List<string> MitreTechniques { get; set; } = new();

    public List<MdeIncidentDevice> Devices { get; set; } = new();

    public List<MdeIncidentEntity> Entities { get; set; } = new();

    public Dictionary<string, object?> AdditionalProperties { get; set; } = new();

    public override string ToString() => AlertId ?? string.Empty;
}
