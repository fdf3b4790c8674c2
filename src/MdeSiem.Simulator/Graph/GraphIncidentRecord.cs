using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace MdeSiem.Simulator.Graph;

/// <summary>An incident as the simulated Graph API serves it: the alerts of one device within one six-hour block.</summary>
public sealed class GraphIncidentRecord
{
    private static readonly string[] SeverityOrder = ["unknown", "informational", "low", "medium", "high"];

    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Status { get; set; } = "active";

    public string? IncidentWebUrl { get; set; }

    public string? RedirectIncidentId { get; set; }

    public string? DisplayName { get; set; }

    public DateTime CreatedDateTime { get; set; }

    public DateTime LastUpdateDateTime { get; set; }

    public string? AssignedTo { get; set; }

    public string Classification { get; set; } = "unknown";

    public string Determination { get; set; } = "unknown";

    public string Severity { get; set; } = "unknown";

    /// <summary>The incident's custom tags (Graph's customTags); written under the name the documented response uses.</summary>
    [JsonIgnore]
    public List<string> CustomTags { get; set; } = [];

    /// <summary>
    /// Microsoft's list-incidents page (https://learn.microsoft.com/en-us/graph/api/security-list-incidents) shows
    /// "customTags" in the plain response (example 1) and "tags" in the $expand=alerts response (example 2). The docs
    /// disagree with themselves, so the simulator answers each request as its example does.
    /// </summary>
    [JsonPropertyName("customTags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? CustomTagsAsListed => Alerts is null ? CustomTags : null;

    /// <summary>See <see cref="CustomTagsAsListed"/>: "tags" when the alerts are expanded.</summary>
    [JsonPropertyName("tags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? TagsAsExpanded => Alerts is null ? null : CustomTags;

    public List<string> SystemTags { get; set; } = [];

    public List<GraphCommentRecord> Comments { get; set; } = [];

    public string? Description { get; set; }

    public string? Summary { get; set; }

    public string? ResolvingComment { get; set; }

    public string? LastModifiedBy { get; set; }

    /// <summary>0 to 100; the simulated score follows the incident's severity and its number of alerts.</summary>
    public int PriorityScore { get; set; }

    /// <summary>Written only when the request asked for $expand=alerts.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<GraphAlertRecord>? Alerts { get; set; }

    /// <summary>The incidents of a set of alerts, grouped by their IncidentId.</summary>
    public static IEnumerable<GraphIncidentRecord> FromAlerts(IEnumerable<GraphAlertRecord> alerts, bool expandAlerts) =>
        alerts.GroupBy(alert => alert.IncidentId, StringComparer.Ordinal).Select(group =>
        {
            var members = group.OrderBy(alert => alert.CreatedDateTime).ThenBy(alert => alert.Id, StringComparer.Ordinal).ToList();
            GraphAlertRecord first = members[0];
            return new GraphIncidentRecord
            {
                Id = group.Key,
                TenantId = first.TenantId,
                Status = members.All(alert => alert.Status == "resolved") ? "resolved" : "active",
                IncidentWebUrl = $"https://security.microsoft.com/incidents/{group.Key}?tid={first.TenantId}",
                DisplayName = members.Count == 1 ? first.Title : $"Multi-stage incident involving {members.Count} alerts on one endpoint",
                CreatedDateTime = first.CreatedDateTime,
                LastUpdateDateTime = members.Max(alert => alert.LastUpdateDateTime),
                Severity = members.Select(alert => alert.Severity).OrderByDescending(severity => Array.IndexOf(SeverityOrder, severity)).First(),

                // Analysts tag incidents; the simulated SOC tags those with more than one alert (the docs' example tag is "Demo").
                CustomTags = members.Count > 1 ? ["Multi-alert"] : [],
                PriorityScore = Math.Min(100, (20 * Array.IndexOf(SeverityOrder, members.Select(alert => alert.Severity).OrderByDescending(severity => Array.IndexOf(SeverityOrder, severity)).First())) + (5 * (members.Count - 1))),
                Alerts = expandAlerts ? members : null,
            };
        });
}
