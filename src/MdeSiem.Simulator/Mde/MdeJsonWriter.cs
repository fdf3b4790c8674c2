using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace MdeSiem.Simulator.Mde;

/// <summary>Writes alerts and incidents in the Defender APIs' JSON: every documented property, nulls included.</summary>
internal static class MdeJsonWriter
{
    public static void WriteAlert(Utf8JsonWriter writer, MdeAlertView alert, bool withEvidence)
    {
        var graph = alert.Graph;
        writer.WriteStartObject();
        writer.WriteString("id", alert.Id);
        writer.WriteNumber("incidentId", alert.IncidentId);
        WriteNumber(writer, "investigationId", alert.InvestigationId);
        writer.WriteString("assignedTo", graph.AssignedTo);
        writer.WriteString("severity", alert.Severity);
        writer.WriteString("status", alert.Status);
        writer.WriteString("classification", alert.Classification);
        writer.WriteString("determination", alert.Determination);
        writer.WriteString("investigationState", alert.InvestigationState);
        writer.WriteString("detectionSource", alert.DetectionSource);
        writer.WriteString("detectorId", graph.DetectorId);
        writer.WriteString("category", graph.Category);
        writer.WriteString("threatFamilyName", graph.ThreatFamilyName);
        writer.WriteString("title", graph.Title);
        writer.WriteString("description", graph.Description);
        WriteTime(writer, "alertCreationTime", graph.CreatedDateTime);
        WriteTime(writer, "firstEventTime", graph.FirstActivityDateTime);
        WriteTime(writer, "lastEventTime", graph.LastActivityDateTime);
        WriteTime(writer, "lastUpdateTime", graph.LastUpdateDateTime);
        WriteTime(writer, "resolvedTime", graph.ResolvedDateTime);
        writer.WriteString("machineId", alert.MachineId);
        writer.WriteString("computerDnsName", alert.ComputerDnsName);
        writer.WriteString("rbacGroupName", alert.RbacGroupName);
        writer.WriteString("aadTenantId", graph.TenantId);
        writer.WriteString("threatName", graph.ThreatDisplayName);
        WriteStrings(writer, "mitreTechniques", graph.MitreTechniques);
        if (alert.RelatedUser is { } user)
        {
            writer.WriteStartObject("relatedUser");
            writer.WriteString("userName", user.GetValueOrDefault("accountName") as string);
            writer.WriteString("domainName", user.GetValueOrDefault("domainName") as string);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("relatedUser");
        }

        WriteComments(writer, graph.Comments);
        if (withEvidence)
        {
            writer.WriteStartArray("evidence");
            foreach (var evidence in graph.Evidence)
            {
                WriteEntity(writer, evidence, alert.MachineId, asEvidence: true);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    public static void WriteIncident(Utf8JsonWriter writer, MdeIncidentView incident)
    {
        var graph = incident.Graph;
        writer.WriteStartObject();
        writer.WriteNumber("incidentId", incident.IncidentId);
        writer.WriteString("incidentUri", graph.IncidentWebUrl);
        writer.WriteNull("redirectIncidentId");
        writer.WriteString("incidentName", graph.DisplayName);
        WriteTime(writer, "createdTime", graph.CreatedDateTime);
        WriteTime(writer, "lastUpdateTime", graph.LastUpdateDateTime);
        writer.WriteString("assignedTo", graph.AssignedTo);
        writer.WriteString("classification", incident.Classification);
        writer.WriteString("determination", incident.Determination);
        writer.WriteString("status", incident.Status);
        writer.WriteString("severity", incident.Severity);
        WriteStrings(writer, "tags", graph.CustomTags);
        WriteComments(writer, graph.Comments);
        writer.WriteStartArray("alerts");
        foreach (var alert in incident.Alerts)
        {
            WriteIncidentAlert(writer, alert);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteComments(Utf8JsonWriter writer, IEnumerable<Graph.GraphCommentRecord> comments)
    {
        writer.WriteStartArray("comments");
        foreach (var comment in comments)
        {
            writer.WriteStartObject();
            writer.WriteString("comment", comment.Comment);
            writer.WriteString("createdBy", comment.CreatedByDisplayName);
            WriteTime(writer, "createdTime", comment.CreatedDateTime);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteIncidentAlert(Utf8JsonWriter writer, MdeAlertView alert)
    {
        var graph = alert.Graph;
        writer.WriteStartObject();
        writer.WriteString("alertId", alert.Id);
        writer.WriteNumber("incidentId", alert.IncidentId);
        writer.WriteString("serviceSource", "MicrosoftDefenderATP");
        WriteTime(writer, "creationTime", graph.CreatedDateTime);
        WriteTime(writer, "lastUpdatedTime", graph.LastUpdateDateTime);
        WriteTime(writer, "resolvedTime", graph.ResolvedDateTime);
        WriteTime(writer, "firstActivity", graph.FirstActivityDateTime);
        WriteTime(writer, "lastActivity", graph.LastActivityDateTime);
        writer.WriteString("title", graph.Title);
        writer.WriteString("description", graph.Description);
        writer.WriteString("category", graph.Category);
        writer.WriteString("status", alert.Status);
        writer.WriteString("severity", alert.Severity);
        WriteNumber(writer, "investigationId", alert.InvestigationId);
        writer.WriteString("investigationState", alert.InvestigationState);
        writer.WriteString("classification", alert.Classification);
        writer.WriteString("determination", alert.Determination);
        writer.WriteString("detectionSource", alert.DetectionSource);
        writer.WriteString("detectorId", graph.DetectorId);
        writer.WriteString("assignedTo", graph.AssignedTo);
        writer.WriteString("actorName", graph.ActorDisplayName);
        writer.WriteString("threatFamilyName", graph.ThreatFamilyName);
        WriteStrings(writer, "mitreTechniques", graph.MitreTechniques);
        writer.WriteStartArray("devices");
        foreach (var device in graph.Evidence.Where(evidence => MdeAlertView.TypeOf(evidence) == "deviceEvidence"))
        {
            writer.WriteStartObject();
            writer.WriteString("mdatpDeviceId", device.GetValueOrDefault("mdeDeviceId") as string);
            writer.WriteNull("aadDeviceId");
            writer.WriteString("deviceDnsName", device.GetValueOrDefault("deviceDnsName") as string);
            writer.WriteString("osPlatform", device.GetValueOrDefault("osPlatform") as string);
            writer.WriteString("healthStatus", "Active");
            writer.WriteString("rbacGroupName", device.GetValueOrDefault("rbacGroupName") as string);
            WriteStrings(writer, "tags", device.GetValueOrDefault("tags") as IEnumerable<string> ?? []);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("entities");
        foreach (var evidence in graph.Evidence)
        {
            WriteEntity(writer, evidence, alert.MachineId, asEvidence: false);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Graph evidence as the flat MDE evidence / XDR entity shape; device evidence has no counterpart there.</summary>
    private static void WriteEntity(Utf8JsonWriter writer, Dictionary<string, object?> evidence, string machineId, bool asEvidence)
    {
        string? entityType = MdeAlertView.TypeOf(evidence) switch
        {
            "processEvidence" => "Process",
            "fileEvidence" => "File",
            "ipEvidence" => "Ip",
            "urlEvidence" => "Url",
            "userEvidence" => "User",
            _ => null,
        };
        if (entityType is null)
        {
            return;
        }

        var file = (evidence.GetValueOrDefault("imageFile") ?? evidence.GetValueOrDefault("fileDetails")) as Dictionary<string, object?>;
        var account = entityType == "User" ? evidence.GetValueOrDefault("userAccount") as Dictionary<string, object?> : null;
        writer.WriteStartObject();
        writer.WriteString("entityType", entityType);
        if (asEvidence)
        {
            WriteTime(writer, "evidenceCreationTime", evidence.GetValueOrDefault("createdDateTime") as DateTime?);
        }

        writer.WriteString("sha1", file?.GetValueOrDefault("sha1") as string);
        writer.WriteString("sha256", file?.GetValueOrDefault("sha256") as string);
        writer.WriteString("fileName", file?.GetValueOrDefault("fileName") as string);
        writer.WriteString("filePath", file?.GetValueOrDefault("filePath") as string);
        writer.WriteNull("processId");
        writer.WriteString("processCommandLine", evidence.GetValueOrDefault("processCommandLine") as string);
        writer.WriteNull("processCreationTime");
        writer.WriteNull("parentProcessId");
        writer.WriteNull("parentProcessCreationTime");
        if (asEvidence)
        {
            writer.WriteNull("parentProcessFileName");
            writer.WriteNull("parentProcessFilePath");
        }

        writer.WriteString("ipAddress", evidence.GetValueOrDefault("ipAddress") as string);
        writer.WriteString("url", evidence.GetValueOrDefault("url") as string);
        writer.WriteNull("registryKey");
        writer.WriteNull("registryHive");
        writer.WriteNull("registryValueType");
        writer.WriteNull("registryValue");
        writer.WriteString("accountName", account?.GetValueOrDefault("accountName") as string);
        writer.WriteString("domainName", account?.GetValueOrDefault("domainName") as string);
        writer.WriteNull("userSid");
        writer.WriteNull("aadUserId");
        writer.WriteNull("userPrincipalName");
        if (asEvidence)
        {
            string? status = evidence.GetValueOrDefault("detectionStatus") as string;
            writer.WriteString("detectionStatus", status is null ? null : char.ToUpperInvariant(status[0]) + status[1..]);
        }
        else
        {
            writer.WriteString("deviceId", machineId);
        }

        writer.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTime? time)
    {
        if (time is { } value)
        {
            writer.WriteString(name, value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
