using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// A Microsoft Graph security incident (microsoft.graph.security.incident, /security/incidents): a group of
/// related alerts, with every property the v1.0 metadata declares (https://learn.microsoft.com/en-us/graph/api/resources/security-incident). <see cref="Alerts"/> is filled only when the alerts were expanded ($expand=alerts).
/// </summary>
public sealed class DefenderIncident : GraphObject
{
    public string? Id { get; set; }

    public string? TenantId { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public string? Summary { get; set; }

    public string? StatusValue { get; set; }

    public IncidentStatus? Status { get => GraphEnum.Parse<IncidentStatus>(StatusValue); set => StatusValue = GraphEnum.ToWire(value); }

    public string? SeverityValue { get; set; }

    public AlertSeverity? Severity { get => GraphEnum.Parse<AlertSeverity>(SeverityValue); set => SeverityValue = GraphEnum.ToWire(value); }

    public string? ClassificationValue { get; set; }

    public AlertClassification? Classification { get => GraphEnum.Parse<AlertClassification>(ClassificationValue); set => ClassificationValue = GraphEnum.ToWire(value); }

    public string? DeterminationValue { get; set; }

    public AlertDetermination? Determination { get => GraphEnum.Parse<AlertDetermination>(DeterminationValue); set => DeterminationValue = GraphEnum.ToWire(value); }

    public string? AssignedTo { get; set; }

    public string? IncidentWebUrl { get; set; }

    public string? RedirectIncidentId { get; set; }

    public string? ResolvingComment { get; set; }

    public string? LastModifiedBy { get; set; }

    /// <summary>The incident's priority score, 0 to 100 (higher is more urgent).</summary>
    public int? PriorityScore { get; set; }

    public DateTime? CreatedDateTime { get; set; }

    public DateTime? LastUpdateDateTime { get; set; }

    /// <summary>customTags; the documented $expand=alerts response names it "tags"
    /// (https://learn.microsoft.com/en-us/graph/api/security-list-incidents, example 2), read here too.</summary>
    [GraphWireName("tags")]
    public List<string> CustomTags { get; set; } = new();

    public List<string> SystemTags { get; set; } = new();

    public List<AlertComment> Comments { get; set; } = new();

    public List<DefenderAlert> Alerts { get; set; } = new();

    public override string ToString() => Id ?? string.Empty;
}
