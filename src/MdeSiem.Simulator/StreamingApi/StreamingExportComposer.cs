using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace MdeSiem.Simulator.StreamingApi;

/// <summary>
/// The Streaming API's export of the simulated detections, as Microsoft documents it: one JSON line per event,
/// {"time","tenantId","operationName":"Publish","category":"AdvancedHunting-&lt;Table&gt;","properties":{...}}, with
/// the AlertInfo and AlertEvidence columns of the Advanced Hunting schema and a DeviceEvents row per detection.
/// The envelope time is the record's LastProcessedTimeUtc (when the service had it), so the same generated alerts
/// appear here, in the SIEM API and in Graph.
/// </summary>
public sealed class StreamingExportComposer
{
    public const string AlertInfo = "AlertInfo";
    public const string AlertEvidence = "AlertEvidence";
    public const string DeviceEvents = "DeviceEvents";

    private readonly string tenantId;

    public StreamingExportComposer(string tenantId)
    {
        this.tenantId = tenantId;
    }

    /// <summary>The lines of one table for the given detections, in their order.</summary>
    public IEnumerable<StreamingExportLine> Compose(string table, IEnumerable<SiemRecord> records)
    {
        foreach (SiemRecord record in records)
        {
            switch (table)
            {
                case AlertInfo when record.AlertPart == 0:
                    yield return Line(table, record, w => WriteAlertInfo(w, record));
                    break;
                case AlertEvidence:
                    foreach (Action<Utf8JsonWriter> evidence in Evidence(record))
                    {
                        yield return Line(table, record, evidence);
                    }

                    break;
                case DeviceEvents:
                    yield return Line(table, record, w => WriteDeviceEvent(w, record));
                    break;
                case AlertInfo:
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(table), table, "The simulator exports AlertInfo, AlertEvidence and DeviceEvents.");
            }
        }
    }

    private StreamingExportLine Line(string table, SiemRecord record, Action<Utf8JsonWriter> properties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("time", Time(record.LastProcessedTimeUtc));
            writer.WriteString("tenantId", tenantId);
            writer.WriteString("operationName", "Publish");
            writer.WriteString("category", "AdvancedHunting-" + table);
            writer.WriteStartObject("properties");
            properties(writer);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return new StreamingExportLine(table, record.LastProcessedTimeUtc, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteAlertInfo(Utf8JsonWriter w, SiemRecord r)
    {
        w.WriteString("Timestamp", Time(r.AlertTime));
        w.WriteString("AlertId", r.AlertId);
        w.WriteString("Title", r.AlertTitle);
        w.WriteString("Category", r.Category);
        w.WriteString("Severity", r.Severity);
        w.WriteString("ServiceSource", "Microsoft Defender for Endpoint");
        w.WriteString("DetectionSource", DetectionSource(r.Source));
        w.WriteString("AttackTechniques", "[]");
    }

    /// <summary>The entities of one detection: the device (first part only), then its file, IP, URL and user.</summary>
    private static IEnumerable<Action<Utf8JsonWriter>> Evidence(SiemRecord r)
    {
        if (r.AlertPart == 0)
        {
            yield return w =>
            {
                Common(w, r, "Machine", "Impacted");
                w.WriteString("DeviceId", r.DeviceID);
                w.WriteString("DeviceName", r.ComputerDnsName);
            };
        }

        if (!string.IsNullOrEmpty(r.FileName) || !string.IsNullOrEmpty(r.Sha1))
        {
            yield return w =>
            {
                Common(w, r, "File", "Related");
                w.WriteString("FileName", r.FileName);
                w.WriteString("FolderPath", r.FilePath);
                w.WriteString("SHA1", r.Sha1);
                w.WriteString("SHA256", r.Sha256);
                w.WriteString("ThreatFamily", r.ThreatFamily);
                w.WriteString("ProcessCommandLine", r.CommandLine);
                w.WriteString("DeviceId", r.DeviceID);
                w.WriteString("DeviceName", r.ComputerDnsName);
            };
        }

        if (!string.IsNullOrEmpty(r.IpAddress))
        {
            yield return w =>
            {
                Common(w, r, "Ip", "Related");
                w.WriteString("RemoteIP", r.IpAddress);
            };
        }

        if (!string.IsNullOrEmpty(r.Url))
        {
            yield return w =>
            {
                Common(w, r, "Url", "Related");
                w.WriteString("RemoteUrl", r.Url);
            };
        }

        if (!string.IsNullOrEmpty(r.UserName))
        {
            yield return w =>
            {
                Common(w, r, "User", "Impacted");
                w.WriteString("AccountName", r.UserName);
                w.WriteString("AccountDomain", r.UserDomain);
            };
        }
    }

    private static void Common(Utf8JsonWriter w, SiemRecord r, string entityType, string role)
    {
        w.WriteString("Timestamp", Time(r.LastProcessedTimeUtc));
        w.WriteString("AlertId", r.AlertId);
        w.WriteString("Title", r.AlertTitle);
        w.WriteString("Categories", JsonSerializer.Serialize(new[] { r.Category ?? string.Empty }));
        w.WriteString("AttackTechniques", "[]");
        w.WriteString("ServiceSource", "Microsoft Defender for Endpoint");
        w.WriteString("DetectionSource", DetectionSource(r.Source));
        w.WriteString("EntityType", entityType);
        w.WriteString("EvidenceRole", role);
        w.WriteString("Severity", r.Severity);
        // The service writes AdditionalFields as JSON text.
        w.WriteString("AdditionalFields", JsonSerializer.Serialize(new Dictionary<string, string> { ["IocUniqueId"] = r.IocUniqueId }));
    }

    private static void WriteDeviceEvent(Utf8JsonWriter w, SiemRecord r)
    {
        w.WriteString("Timestamp", Time(r.AlertTime));
        w.WriteString("DeviceId", r.DeviceID);
        w.WriteString("DeviceName", r.ComputerDnsName);
        w.WriteString("ActionType", r.Source == "Antivirus" ? "AntivirusDetection" : r.Source == "SmartScreen" ? "SmartScreenUrlWarning" : "OtherAlertRelatedActivity");
        w.WriteString("FileName", r.FileName);
        w.WriteString("FolderPath", r.FilePath);
        w.WriteString("SHA1", r.Sha1);
        w.WriteString("SHA256", r.Sha256);
        w.WriteString("MD5", r.Md5);
        w.WriteString("AccountName", r.UserName);
        w.WriteString("AccountDomain", r.UserDomain);
        w.WriteString("RemoteIP", r.IpAddress);
        w.WriteString("RemoteUrl", r.Url);
        w.WriteString("ProcessCommandLine", r.CommandLine);
        w.WriteString("AdditionalFields", JsonSerializer.Serialize(new Dictionary<string, string?> { ["ThreatName"] = r.ThreatName, ["AlertId"] = r.AlertId, ["IocUniqueId"] = r.IocUniqueId }));
        w.WriteNumber("ReportId", r.ReportID);
    }

    private static string DetectionSource(string? source) => source switch
    {
        "EDR" => "EDR",
        "Antivirus" => "Antivirus",
        "SmartScreen" => "SmartScreen",
        "CustomTI" => "Custom TI",
        "CustomDetection" => "Custom detection",
        _ => source ?? "EDR",
    };

    private static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
