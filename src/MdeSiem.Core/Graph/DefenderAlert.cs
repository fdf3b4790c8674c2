using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// A Microsoft Graph security alert (microsoft.graph.security.alert, /security/alerts_v2) with every v1.0
/// property the metadata declares (https://graph.microsoft.com/v1.0/$metadata; https://learn.microsoft.com/en-us/graph/api/resources/security-alert). Enum-valued properties keep the service's text in *Value (so a member added after this version is
/// never lost) and expose it typed beside it. Settable so that ConvertTo-GraphAlert can build one from a SIEM record.
/// </summary>
public sealed class DefenderAlert : GraphObject
{
    public string? Id { get; set; }

    public string? ProviderAlertId { get; set; }

    public string? IncidentId { get; set; }

    public string? StatusValue { get; set; }

    public AlertStatus? Status { get => GraphEnum.Parse<AlertStatus>(StatusValue); set => StatusValue = GraphEnum.ToWire(value); }

    public string? SeverityValue { get; set; }

    public AlertSeverity? Severity { get => GraphEnum.Parse<AlertSeverity>(SeverityValue); set => SeverityValue = GraphEnum.ToWire(value); }

    public string? ClassificationValue { get; set; }

    public AlertClassification? Classification { get => GraphEnum.Parse<AlertClassification>(ClassificationValue); set => ClassificationValue = GraphEnum.ToWire(value); }

    public string? DeterminationValue { get; set; }

    public AlertDetermination? Determination { get => GraphEnum.Parse<AlertDetermination>(DeterminationValue); set => DeterminationValue = GraphEnum.ToWire(value); }

    public string? ServiceSourceValue { get; set; }

    public ServiceSource? ServiceSource { get => GraphEnum.Parse<ServiceSource>(ServiceSourceValue); set => ServiceSourceValue = GraphEnum.ToWire(value); }

    public string? DetectionSourceValue { get; set; }

    public DetectionSource? DetectionSource { get => GraphEnum.Parse<DetectionSource>(DetectionSourceValue); set => DetectionSourceValue = GraphEnum.ToWire(value); }

    public string? ProductName { get; set; }

    public string? DetectorId { get; set; }

    public string? TenantId { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? RecommendedActions { get; set; }

    public string? Category { get; set; }

    /// <summary>The attack categories (MITRE ATT&amp;CK tactics) of the alert; category holds the first.</summary>
    public List<string> Categories { get; set; } = new();

    /// <summary>The custom detection's own fields (user-defined details), by name.</summary>
    public Dictionary<string, object?> CustomDetails { get; set; } = new();

    public string? InvestigationStateValue { get; set; }

    /// <summary>The automated investigation's state (microsoft.graph.security.investigationState).</summary>
    public InvestigationState? InvestigationState { get => GraphEnum.Parse<InvestigationState>(InvestigationStateValue); set => InvestigationStateValue = GraphEnum.ToWire(value); }

    public string? AssignedTo { get; set; }

    public string? AlertWebUrl { get; set; }

    public string? IncidentWebUrl { get; set; }

    public string? ActorDisplayName { get; set; }

    public string? ThreatDisplayName { get; set; }

    public string? ThreatFamilyName { get; set; }

    public string? AlertPolicyId { get; set; }

    public List<string> MitreTechniques { get; set; } = new();

    public DateTime? CreatedDateTime { get; set; }

    public DateTime? LastUpdateDateTime { get; set; }

    public DateTime? ResolvedDateTime { get; set; }

    public DateTime? FirstActivityDateTime { get; set; }

    public DateTime? LastActivityDateTime { get; set; }

    public List<AlertComment> Comments { get; set; } = new();

    public List<AlertEvidence> Evidence { get; set; } = new();

    public List<string> SystemTags { get; set; } = new();

    /// <summary>The service's bag of other alert properties, including user-defined ones.</summary>
    public Dictionary<string, object?> AdditionalData { get; set; } = new();

    public override string ToString() => Id ?? string.Empty;
}
