using System;
using System.Collections.Generic;

namespace MdeSiem.Simulator.Graph;

/// <summary>
/// One alert as the simulated Graph security API serves it (/security/alerts_v2): built from all SIEM records
/// sharing an AlertId, following the SIEM-to-Graph mapping table, so the same detection fetched from both APIs
/// agrees. Evidence objects are written as they are (wire names, @odata.type first).
/// </summary>
public sealed class GraphAlertRecord
{
    public string Id { get; set; } = "";

    public string ProviderAlertId { get; set; } = "";

    public string IncidentId { get; set; } = "";

    public string Status { get; set; } = "new";

    public string Severity { get; set; } = "unknown";

    public string Classification { get; set; } = "unknown";

    public string Determination { get; set; } = "unknown";

    public string ServiceSource { get; set; } = "microsoftDefenderForEndpoint";

    public string DetectionSource { get; set; } = "unknown";

    public string ProductName { get; set; } = "Microsoft Defender for Endpoint";

    public string? DetectorId { get; set; }

    public string TenantId { get; set; } = "";

    public string? Title { get; set; }

    public string? Description { get; set; }

    public string? RecommendedActions { get; set; }

    public string? Category { get; set; }

    public List<string> Categories { get; set; } = [];

    public Dictionary<string, object?> CustomDetails { get; set; } = [];

    public string InvestigationState { get; set; } = "unknown";

    public string? AssignedTo { get; set; }

    public string? AlertWebUrl { get; set; }

    public string? IncidentWebUrl { get; set; }

    public string? ActorDisplayName { get; set; }

    public string? ThreatDisplayName { get; set; }

    public string? ThreatFamilyName { get; set; }

    public string? AlertPolicyId { get; set; }

    public List<string> MitreTechniques { get; set; } = [];

    public DateTime CreatedDateTime { get; set; }

    public DateTime LastUpdateDateTime { get; set; }

    public DateTime? ResolvedDateTime { get; set; }

    public DateTime FirstActivityDateTime { get; set; }

    public DateTime LastActivityDateTime { get; set; }

    public List<GraphCommentRecord> Comments { get; set; } = [];

    public List<Dictionary<string, object?>> Evidence { get; set; } = [];

    public List<string> SystemTags { get; set; } = [];

    public Dictionary<string, object?> AdditionalData { get; set; } = [];

    /// <summary>The device the alert was raised on; incidents group by it. Not a Graph property.</summary>
    internal string DeviceId { get; set; } = "";

    /// <summary>When the alert's first record reached the pipeline; it is served from then on. Not a Graph property.</summary>
    internal DateTime ArrivedTimeUtc { get; set; }

    public GraphAlertRecord Clone()
    {
        var copy = (GraphAlertRecord)MemberwiseClone();
        copy.Comments = [.. Comments];
        return copy;
    }
}
