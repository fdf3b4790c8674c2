using System;
using System.Collections.Generic;
using MdeSiem.Core.Graph;

namespace MdeSiem.Core.Mde;

/// <summary>
/// A Microsoft Defender XDR incident as the incidents API (GET /api/incidents) returns it: its related alerts,
/// each with its devices and entities, come with it. Enum-valued properties keep the service's text in *Value.
/// </summary>
public sealed class MdeIncident
{
    public long? IncidentId { get; set; }

    /// <summary>The incident this one was merged into.</summary>
    public long? RedirectIncidentId { get; set; }

    public string? IncidentName { get; set; }

    public string? IncidentUri { get; set; }

    public DateTime? CreatedTime { get; set; }

    public DateTime? LastUpdateTime { get; set; }

    public string? AssignedTo { get; set; }

    /// <summary>Unknown, TruePositive, FalsePositive, ... as the service sends it.</summary>
    public string? Classification { get; set; }

    /// <summary>NotAvailable, Malware, Other, ... as the service sends it.</summary>
    public string? Determination { get; set; }

    public string? DetectionSource { get; set; }

    public string? StatusValue { get; set; }

    public MdeIncidentStatus? Status { get => GraphEnum.Parse<MdeIncidentStatus>(StatusValue); set => StatusValue = value?.ToString(); }

    public string? SeverityValue { get; set; }

    public MdeAlertSeverity? Severity { get => GraphEnum.Parse<MdeAlertSeverity>(SeverityValue); set => SeverityValue = value?.ToString(); }

    public List<string> Tags { get; set; } = new();

    public List<MdeComment> Comments { get; set; } = new();

    public List<MdeIncidentAlert> Alerts { get; set; } = new();

    public Dictionary<string, object?> AdditionalProperties { get; set; } = new();

    public override string ToString() => IncidentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
