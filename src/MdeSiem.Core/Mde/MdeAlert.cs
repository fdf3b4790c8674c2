using System;
using System.Collections.Generic;
using MdeSiem.Core.Graph;

namespace MdeSiem.Core.Mde;

/// <summary>
/// A Microsoft Defender for Endpoint alert as the alerts API (GET /api/alerts) returns it, with every documented
/// property of the alert resource type. Enum-valued properties keep the service's text in *Value (a member added
/// later is never lost) and expose it typed beside it; properties this version does not model are kept in
/// <see cref="AdditionalProperties"/>.
/// </summary>
public sealed class MdeAlert
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public DateTime? AlertCreationTime { get; set; }

    /// <summary>The last occurrence of the triggering event on the device.</summary>
    public DateTime? LastEventTime { get; set; }

    /// <summary>The first occurrence of the triggering event on the device.</summary>
    public DateTime? FirstEventTime { get; set; }

    public DateTime? LastUpdateTime { get; set; }

    public DateTime? ResolvedTime { get; set; }

    public long? IncidentId { get; set; }

    public long? InvestigationId { get; set; }

    /// <summary>The automated investigation's state (Unknown, Running, SuccessfullyRemediated, UnsupportedAlertType, ...).</summary>
    public string? InvestigationState { get; set; }

    public string? AssignedTo { get; set; }

    public string? RbacGroupName { get; set; }

    public List<string> MitreTechniques { get; set; } = new();

    public MdeRelatedUser? RelatedUser { get; set; }

    public string? SeverityValue { get; set; }

    public MdeAlertSeverity? Severity { get => GraphEnum.Parse<MdeAlertSeverity>(SeverityValue); set => SeverityValue = value?.ToString(); }

    public string? StatusValue { get; set; }

    public MdeAlertStatus? Status { get => GraphEnum.Parse<MdeAlertStatus>(StatusValue); set => StatusValue = value?.ToString(); }

    public string? ClassificationValue { get; set; }

    public MdeAlertClassification? Classification { get => GraphEnum.Parse<MdeAlertClassification>(ClassificationValue); set => ClassificationValue = value?.ToString(); }

    public string? DeterminationValue { get; set; }

    public MdeAlertDetermination? Determination { get => GraphEnum.Parse<MdeAlertDetermination>(DeterminationValue); set => DeterminationValue = value?.ToString(); }

    public string? Category { get; set; }

    /// <summary>The detection source as the service names it (WindowsDefenderAtp, WindowsDefenderAv, SmartScreen, ...).</summary>
    public string? DetectionSource { get; set; }

    public string? ThreatFamilyName { get; set; }

    public string? ThreatName { get; set; }

    /// <summary>The Defender for Endpoint device id.</summary>
    public string? MachineId { get; set; }

    public string? ComputerDnsName { get; set; }

    public string? AadTenantId { get; set; }

    public string? DetectorId { get; set; }

    public List<MdeComment> Comments { get; set; } = new();

    /// <summary>Filled when the alert was read with $expand=evidence (Get-MdeAlert -IncludeEvidence).</summary>
    public List<MdeAlertEvidence> Evidence { get; set; } = new();

    /// <summary>Properties the service sent that this version does not model, by wire name (objects as raw JSON).</summary>
    public Dictionary<string, object?> AdditionalProperties { get; set; } = new();

    public override string ToString() => Id ?? string.Empty;
}
