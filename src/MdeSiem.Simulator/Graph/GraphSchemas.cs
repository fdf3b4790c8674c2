using System;
using System.Collections.Generic;

namespace MdeSiem.Simulator.Graph;

/// <summary>
/// What the real service documents: alerts_v2 filters on assignedTo, classification, determination,
/// createdDateTime, lastUpdateDateTime, severity, serviceSource and status, pages up to 2,000; incidents filter on
/// assignedTo, classification, createdDateTime, determination, lastUpdateDateTime, severity and status, pages up
/// to 50 and expand alerts.
/// </summary>
internal static class GraphSchemas
{
    public static readonly GraphCollectionSchema<GraphAlertRecord> Alerts = new(
        "microsoft.graph.security.alert",
        2000,
        new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "providerAlertId", "incidentId", "status", "severity", "classification", "determination", "serviceSource",
            "detectionSource", "productName", "detectorId", "tenantId", "title", "description", "recommendedActions", "category",
            "assignedTo", "alertWebUrl", "incidentWebUrl", "actorDisplayName", "threatDisplayName", "threatFamilyName",
            "alertPolicyId", "mitreTechniques", "createdDateTime", "lastUpdateDateTime", "resolvedDateTime",
            "firstActivityDateTime", "lastActivityDateTime", "comments", "evidence", "systemTags", "additionalData",
            "categories", "customDetails", "investigationState",
        },
        new Dictionary<string, Func<GraphAlertRecord, object?>>(StringComparer.Ordinal)
        {
            ["assignedTo"] = alert => alert.AssignedTo,
            ["classification"] = alert => alert.Classification,
            ["determination"] = alert => alert.Determination,
            ["createdDateTime"] = alert => alert.CreatedDateTime,
            ["lastUpdateDateTime"] = alert => alert.LastUpdateDateTime,
            ["severity"] = alert => alert.Severity,
            ["serviceSource"] = alert => alert.ServiceSource,
            ["status"] = alert => alert.Status,
        },
        new Dictionary<string, Func<GraphAlertRecord, IComparable?>>(StringComparer.Ordinal)
        {
            ["createdDateTime"] = alert => alert.CreatedDateTime,
            ["lastUpdateDateTime"] = alert => alert.LastUpdateDateTime,
            ["id"] = alert => alert.Id,
        },
        alert => alert.CreatedDateTime,
        alert => alert.Id,
        []);

    public static readonly GraphCollectionSchema<GraphIncidentRecord> Incidents = new(
        "microsoft.graph.security.incident",
        50,
        new HashSet<string>(StringComparer.Ordinal)
        {
            "id", "tenantId", "status", "incidentWebUrl", "redirectIncidentId", "displayName", "createdDateTime",
            "lastUpdateDateTime", "assignedTo", "classification", "determination", "severity", "customTags", "systemTags",
            "comments", "description", "summary", "resolvingComment", "lastModifiedBy", "alerts", "priorityScore",
        },
        new Dictionary<string, Func<GraphIncidentRecord, object?>>(StringComparer.Ordinal)
        {
            ["assignedTo"] = incident => incident.AssignedTo,
            ["classification"] = incident => incident.Classification,
            ["determination"] = incident => incident.Determination,
            ["createdDateTime"] = incident => incident.CreatedDateTime,
            ["lastUpdateDateTime"] = incident => incident.LastUpdateDateTime,
            ["severity"] = incident => incident.Severity,
            ["status"] = incident => incident.Status,
        },
        new Dictionary<string, Func<GraphIncidentRecord, IComparable?>>(StringComparer.Ordinal)
        {
            ["createdDateTime"] = incident => incident.CreatedDateTime,
            ["lastUpdateDateTime"] = incident => incident.LastUpdateDateTime,
            ["id"] = incident => incident.Id,
        },
        incident => incident.CreatedDateTime,
        incident => incident.Id,
        ["alerts"]);
}
