using System;
using System.Collections.Generic;
using MdeSiem.Simulator.Graph;

namespace MdeSiem.Simulator.Mde;

/// <summary>
/// What the real services document: the alerts API filters on alertCreationTime, lastUpdateTime, incidentId,
/// investigationId, id, assignedTo, detectionSource, lastEventTime, status, severity and category, pages up to
/// 10,000 and expands evidence; the incidents API filters on lastUpdateTime, createdTime, status and assignedTo and
/// pages up to 100. Both list newest first (the simulator's choice where the documentation says "most recent at the
/// top"), ties by id.
/// </summary>
internal static class MdeSchemas
{
    public static readonly GraphCollectionSchema<MdeAlertView> Alerts = new(
        "Alert",
        10000,
        new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "title", "description", "alertCreationTime", "lastEventTime", "firstEventTime", "lastUpdateTime", "resolvedTime",
            "incidentId", "investigationId", "investigationState", "assignedTo", "rbacGroupName", "mitreTechniques", "relatedUser",
            "severity", "status", "classification", "determination", "category", "detectionSource", "threatFamilyName", "threatName",
            "machineId", "computerDnsName", "aadTenantId", "detectorId", "comments", "evidence",
        },
        new Dictionary<string, Func<MdeAlertView, object?>>(StringComparer.Ordinal)
        {
            ["alertCreationTime"] = alert => alert.Graph.CreatedDateTime,
            ["lastUpdateTime"] = alert => alert.Graph.LastUpdateDateTime,
            ["incidentId"] = alert => alert.IncidentId,
            ["investigationId"] = alert => alert.InvestigationId,
            ["id"] = alert => alert.Id,
            ["assignedTo"] = alert => alert.Graph.AssignedTo,
            ["detectionSource"] = alert => alert.DetectionSource,
            ["lastEventTime"] = alert => alert.Graph.LastActivityDateTime,
            ["status"] = alert => alert.Status,
            ["severity"] = alert => alert.Severity,
            ["category"] = alert => alert.Graph.Category,
        },
        new Dictionary<string, Func<MdeAlertView, IComparable?>>(StringComparer.Ordinal)
        {
            ["alertCreationTime"] = alert => alert.Graph.CreatedDateTime,
            ["lastUpdateTime"] = alert => alert.Graph.LastUpdateDateTime,
            ["id"] = alert => alert.Id,
        },
        alert => alert.Graph.CreatedDateTime,
        alert => alert.Id,
        ["evidence"]);

    public static readonly GraphCollectionSchema<MdeIncidentView> Incidents = new(
        "Incident",
        100,
        new HashSet<string>(StringComparer.Ordinal)
        {
            "incidentId", "redirectIncidentId", "incidentName", "createdTime", "lastUpdateTime", "assignedTo", "classification",
            "determination", "status", "severity", "tags", "comments", "alerts",
        },
        new Dictionary<string, Func<MdeIncidentView, object?>>(StringComparer.Ordinal)
        {
            ["lastUpdateTime"] = incident => incident.Graph.LastUpdateDateTime,
            ["createdTime"] = incident => incident.Graph.CreatedDateTime,
            ["status"] = incident => incident.Status,
            ["assignedTo"] = incident => incident.Graph.AssignedTo,
        },
        new Dictionary<string, Func<MdeIncidentView, IComparable?>>(StringComparer.Ordinal)
        {
            ["createdTime"] = incident => incident.Graph.CreatedDateTime,
            ["lastUpdateTime"] = incident => incident.Graph.LastUpdateDateTime,
        },
        incident => incident.Graph.CreatedDateTime,
        incident => incident.IncidentId,
        []);
}
