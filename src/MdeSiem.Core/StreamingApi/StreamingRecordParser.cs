using System;
using System.Collections.Generic;
using System.Text.Json;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// Reads one record of the Streaming API: {"time","tenantId","operationName","category","properties":{...}}, a line of
/// an exported blob or an element of an Event Hubs event's "records" array. Envelope fields other than these (e.g.
/// "_TimeReceivedBySvc") and columns a typed event does not know are kept as additional properties, never dropped.
/// </summary>
/// <remarks>
/// The record is read in one pass of a <see cref="Utf8JsonReader"/>, each column straight into its typed property:
/// a JsonDocument of every record, and every column's name and value looked up in it, took most of the Event Hubs
/// reader's time. The category (which decides the event's type) may come after "properties": then the reader
/// skips the properties, and reads them again from a copy once the whole envelope is known.
/// </remarks>
internal static class StreamingRecordParser
{
    private const string PropertiesField = "properties";

    /// <param name="line">The UTF-8 bytes of the line, without its line break.</param>
    /// <param name="containerTable">The table of the container read, for records without a category.</param>
    /// <param name="blobName">The blob the line came from.</param>
    public static StreamingEvent Parse(ReadOnlyMemory<byte> line, string containerTable, string blobName)
    {
        StreamingEvent streamed;
        try
        {
            var reader = new Utf8JsonReader(line.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                // What a JSON value that is not an object would be; anything that is not JSON at all throws here.
                if (reader.TokenType != JsonTokenType.None)
                {
                    reader.Skip();
                    reader.Read();
                }

                throw NotARecord(blobName, "it is not a JSON object");
            }

            streamed = Read(ref reader, containerTable);

            // Nothing may follow the object (the reader throws on a second value).
            reader.Read();
        }
        catch (JsonException exception)
        {
            throw NotARecord(blobName, "it is not JSON (" + exception.Message + ")");
        }
        catch (InvalidOperationException exception)
        {
            // A string that is not valid UTF-8, or escapes a lone UTF-16 surrogate: System.Text.Json cannot turn it
            // into text, and the reader throws this (not a JsonException) when the value is read.
            throw NotARecord(blobName, "it holds text that is not valid Unicode (" + exception.Message + ")");
        }

        streamed.BlobName = blobName;
        return streamed;
    }

    /// <summary>
    /// Reads the record whose StartObject is the reader's current token, and leaves the reader on its EndObject.
    /// </summary>
    /// <exception cref="JsonException">The record is not valid JSON.</exception>
    internal static StreamingEvent Read(ref Utf8JsonReader reader, string containerTable)
    {
        var names = JsonStringCache.NamesOfThisThread;
        var repeated = JsonStringCache.ValuesOfThisThread;
        string? category = null;
        DateTime? time = null;
        string? tenantId = null;
        string? operationName = null;
        List<KeyValuePair<string, object?>>? extras = null;
        StreamingEvent? streamed = null;
        var deferredProperties = default(Utf8JsonReader);
        var deferred = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = names.StringOf(ref reader);
            reader.Read();
            switch (name)
            {
                case "time" when JsonValueReaders.TryReadUtcDateTime(ref reader, out var parsed):
                    time = parsed;
                    break;
                case "tenantId":
                    tenantId = JsonValueReaders.ReadText(ref reader, repeated);
                    break;
                case "operationName":
                    operationName = JsonValueReaders.ReadText(ref reader, repeated);
                    break;
                case "category":
                    category = reader.TokenType == JsonTokenType.String ? repeated.StringOf(ref reader) : null;
                    reader.Skip();
                    break;
                case PropertiesField when reader.TokenType == JsonTokenType.StartObject && streamed is null && !deferred:
                    if (category is null)
                    {
                        // The type is not known yet: come back to the columns once the envelope is read.
                        deferredProperties = reader;
                        deferred = true;
                        reader.Skip();
                    }
                    else
                    {
                        streamed = Create(TableOf(category, containerTable));
                        ReadColumns(ref reader, streamed, names, repeated);
                    }

                    break;
                default:
                    // Also a "properties" that is not an object, or a second one: kept as it came, never dropped.
                    (extras ??= new List<KeyValuePair<string, object?>>()).Add(new KeyValuePair<string, object?>(name, JsonValueReaders.ToPlain(ref reader)));
                    break;
            }
        }

        if (streamed is null)
        {
            streamed = Create(TableOf(category, containerTable));
            if (deferred)
            {
                ReadColumns(ref deferredProperties, streamed, names, repeated);
            }
        }

        streamed.ReceivedTimeUtc = time;
        streamed.TenantId = tenantId;
        streamed.OperationName = operationName;
        if (extras is not null)
        {
            streamed.InsertAdditionalFirst(extras);
        }

        return streamed;
    }

    private static string TableOf(string? category, string containerTable) =>
        category is null ? containerTable : StreamingTables.TableOfCategory(category) ?? containerTable;

    /// <summary>Reads the columns of the properties object whose StartObject is the reader's current token.</summary>
    private static void ReadColumns(ref Utf8JsonReader reader, StreamingEvent streamed, JsonStringCache names, JsonStringCache repeated)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = names.StringOf(ref reader);
            reader.Read();
            if (!streamed.TrySetColumn(name, ref reader, repeated))
            {
                streamed.AddAdditional(name, JsonValueReaders.ToPlain(ref reader));
            }
        }
    }

    private static StreamingEvent Create(string table)
    {
        StreamingEvent streamed;
        if (string.Equals(table, StreamingTables.AlertInfo, StringComparison.OrdinalIgnoreCase))
        {
            streamed = new AlertInfoEvent();
        }
        else if (string.Equals(table, StreamingTables.AlertEvidence, StringComparison.OrdinalIgnoreCase))
        {
            streamed = new AlertEvidenceEvent();
        }
        else
        {
            streamed = new StreamingEvent();
        }

        streamed.Table = table;
        return streamed;
    }

    private static MdeSiemException NotARecord(string blobName, string reason) =>
        new(ErrorCode.InvalidResponse, $"A line of the blob '{blobName}' is not a Streaming API record: {reason}.")
        {
            RecommendedAction = "The line is skipped. If many lines fail, check that the container holds the Streaming API's export.",
            Target = blobName,
        };
}
