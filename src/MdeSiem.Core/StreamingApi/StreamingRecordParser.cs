using System;
using System.Text.Json;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// Reads one line of an exported blob: {"time","tenantId","operationName","category","properties":{...}}. Envelope
/// fields other than these (e.g. "_TimeReceivedBySvc") and columns a typed event does not know are kept as
/// additional properties, never dropped.
/// </summary>
internal static class StreamingRecordParser
{
    private const string PropertiesField = "properties";

    /// <param name="line">The UTF-8 bytes of the line, without its line break.</param>
    /// <param name="containerTable">The table of the container read, for records without a category.</param>
    /// <param name="blobName">The blob the line came from.</param>
    public static StreamingEvent Parse(ReadOnlyMemory<byte> line, string containerTable, string blobName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw NotARecord(blobName, "it is not JSON (" + exception.Message + ")");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw NotARecord(blobName, "it is not a JSON object");
            }

            var streamed = FromObject(root, containerTable);
            streamed.BlobName = blobName;
            return streamed;
        }
    }

    /// <summary>
    /// One record that is already a JSON object: a line of an exported blob, or an element of an Event Hubs event's
    /// "records" array.
    /// </summary>
    internal static StreamingEvent FromObject(JsonElement root, string containerTable)
    {
        var table = root.TryGetProperty("category", out var category) && category.ValueKind == JsonValueKind.String
            ? StreamingTables.TableOfCategory(category.GetString()) ?? containerTable
            : containerTable;
        var streamed = Create(table);
        streamed.Table = table;
        ReadEnvelope(root, streamed);
        if (root.TryGetProperty(PropertiesField, out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var column in properties.EnumerateObject())
            {
                if (!streamed.TrySetColumn(column.Name, column.Value))
                {
                    streamed.AddAdditional(column.Name, StreamingColumnValues.ToPlain(column.Value));
                }
            }
        }

        return streamed;
    }

    private static StreamingEvent Create(string table)
    {
        if (string.Equals(table, StreamingTables.AlertInfo, StringComparison.OrdinalIgnoreCase))
        {
            return new AlertInfoEvent();
        }

        if (string.Equals(table, StreamingTables.AlertEvidence, StringComparison.OrdinalIgnoreCase))
        {
            return new AlertEvidenceEvent();
        }

        return new StreamingEvent();
    }

    private static void ReadEnvelope(JsonElement root, StreamingEvent streamed)
    {
        foreach (var field in root.EnumerateObject())
        {
            switch (field.Name)
            {
                case "time" when StreamingColumnValues.TryUtcDateTime(field.Value, out var time):
                    streamed.ReceivedTimeUtc = time;
                    break;
                case "tenantId":
                    StreamingColumnValues.TryString(field.Value, out var tenant);
                    streamed.TenantId = tenant;
                    break;
                case "operationName":
                    StreamingColumnValues.TryString(field.Value, out var operation);
                    streamed.OperationName = operation;
                    break;
                case "category":
                case PropertiesField:
                    break;
                default:
                    streamed.AddAdditional(field.Name, StreamingColumnValues.ToPlain(field.Value));
                    break;
            }
        }
    }

    private static MdeSiemException NotARecord(string blobName, string reason) =>
        new(ErrorCode.InvalidResponse, $"A line of the blob '{blobName}' is not a Streaming API record: {reason}.")
        {
            RecommendedAction = "The line is skipped. If many lines fail, check that the container holds the Streaming API's export.",
            Target = blobName,
        };
}
