using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using MdeSiem.Simulator.StreamingApi;

namespace MdeSiem.Simulator.Hunting;

/// <summary>
/// The advanced hunting tables the simulated tenant answers queries over: AlertInfo and AlertEvidence, built from
/// the same generated detections as every other API (the rows the Streaming API exports for them), for the records
/// the service has processed by now. Columns follow the schema reference
/// (https://learn.microsoft.com/en-us/defender-xdr/advanced-hunting-alertinfo-table, ...-alertevidence-table);
/// columns the simulator has no data for are left out. Timestamp is a datetime, AdditionalFields a dynamic.
/// </summary>
internal static class HuntingTables
{
    public const string TimestampColumn = "Timestamp";

    private static readonly KqlColumn[] AlertInfoColumns = Columns(
        "Timestamp", "AlertId", "Title", "Category", "Severity", "ServiceSource", "DetectionSource", "AttackTechniques");

    private static readonly KqlColumn[] AlertEvidenceColumns = Columns(
        "Timestamp", "AlertId", "Title", "Categories", "AttackTechniques", "ServiceSource", "DetectionSource", "EntityType",
        "EvidenceRole", "FileName", "FolderPath", "SHA1", "SHA256", "ThreatFamily", "RemoteIP", "RemoteUrl", "AccountName",
        "AccountDomain", "DeviceId", "DeviceName", "ProcessCommandLine", "AdditionalFields", "Severity");

    /// <summary>The table's rows whose Timestamp lies in the range; null for a table the simulator does not have.</summary>
    public static KqlTable? Build(string name, IEnumerable<SiemRecord> processed, string tenantId, Func<DateTime, bool> inRange)
    {
        KqlColumn[]? columns = name switch
        {
            StreamingExportComposer.AlertInfo => AlertInfoColumns,
            StreamingExportComposer.AlertEvidence => AlertEvidenceColumns,
            _ => null,
        };
        if (columns is null)
        {
            return null;
        }

        var rows = new List<object?[]>();
        foreach (StreamingExportLine line in new StreamingExportComposer(tenantId).Compose(name, processed))
        {
            using JsonDocument document = JsonDocument.Parse(line.Json);
            JsonElement properties = document.RootElement.GetProperty("properties");
            object?[] row = columns.Select(column => Value(properties, column)).ToArray();
            if (row[0] is DateTime time && inRange(time))
            {
                rows.Add(row);
            }
        }

        return new KqlTable(columns, rows);
    }

    private static object? Value(JsonElement properties, KqlColumn column)
    {
        if (!properties.TryGetProperty(column.Name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return column.Name == TimestampColumn
            ? DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : value.GetString();
    }

    private static KqlColumn[] Columns(params string[] names) =>
        names.Select(name => new KqlColumn(name, name == TimestampColumn ? "DateTime" : name == "AdditionalFields" ? "Object" : "String")).ToArray();
}
