using System;
using System.Collections.Generic;
using System.Text.Json;
using Azure.Messaging.EventHubs;
using MdeSiem.Core.Errors;
using MdeSiem.Core.StreamingApi;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// Unwraps one event the Streaming API sent to a hub: the body is {"records":[...]} and each record is an Advanced
/// Hunting record as in the storage export (time, tenantId, category "AdvancedHunting-&lt;Table&gt;", operationName,
/// properties, and whatever else the service adds). https://learn.microsoft.com/defender-xdr/streaming-api-event-hub
/// </summary>
internal static class HubEventBody
{
    private const string RecordsField = "records";

    /// <summary>
    /// Adds the event's records of <paramref name="table"/> (all tables when null) to <paramref name="items"/>, in
    /// their order, each with its place in the body's "records" array (stable whatever the table filter, so a
    /// checkpoint can count on it).
    /// </summary>
    /// <exception cref="MdeSiemException">The body is not the records shape (InvalidResponse, naming the event).</exception>
    private static void Read(ReadOnlyMemory<byte> body, string? table, string partitionId, long sequenceNumber, List<HubRecord> items)
    {
        // One pass of a reader over the body, each record straight into its typed event (StreamingRecordParser).
        var sawRecords = false;
        try
        {
            var reader = new Utf8JsonReader(body.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw NotRecords(partitionId, sequenceNumber, "it is not an object with a \"records\" array");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRecords = reader.ValueTextEquals(RecordsField) && !sawRecords;
                reader.Read();
                if (!isRecords)
                {
                    reader.Skip();
                    continue;
                }

                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw NotRecords(partitionId, sequenceNumber, "it is not an object with a \"records\" array");
                }

                sawRecords = true;
                var index = -1;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    index++;
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw NotRecords(partitionId, sequenceNumber, "an element of \"records\" is not an object");
                    }

                    var streamed = StreamingRecordParser.Read(ref reader, string.Empty);
                    if (table is null || string.Equals(streamed.Table, table, StringComparison.OrdinalIgnoreCase))
                    {
                        items.Add(new HubRecord(partitionId, sequenceNumber, index, streamed, null, endsEvent: false));
                    }
                }
            }

            // Nothing may follow the object (the reader throws on a second value).
            reader.Read();
        }
        catch (JsonException exception)
        {
            throw NotRecords(partitionId, sequenceNumber, "it is not JSON (" + exception.Message + ")");
        }
        catch (InvalidOperationException exception)
        {
            // A string that is not valid UTF-8 or escapes a lone surrogate: System.Text.Json throws this when it is read.
            throw NotRecords(partitionId, sequenceNumber, "it holds text that is not valid Unicode (" + exception.Message + ")");
        }

        if (!sawRecords)
        {
            throw NotRecords(partitionId, sequenceNumber, "it is not an object with a \"records\" array");
        }
    }

    private static MdeSiemException NotRecords(string partitionId, long sequenceNumber, string reason) =>
        new(ErrorCode.InvalidResponse, $"The event {sequenceNumber} of partition {partitionId} is not a Streaming API event: {reason}.")
        {
            RecommendedAction = "The event is skipped and the run goes on. If many fail, check that the hub is the Streaming API's destination.",
            Target = new HubEventPosition(partitionId, sequenceNumber),
        };

    /// <summary>The items of one event: its records, or one item with the error (or with nothing) that ends the event.</summary>
    /// <param name="sequenceNumber">
    /// The event's <see cref="EventData.SequenceNumber"/>, read once by the caller (each read of it looks it up in the
    /// message's annotations).
    /// </param>
    /// <param name="body">The event's body (<see cref="EventData.EventBody"/>).</param>
    public static List<HubRecord> Records(string partitionId, long sequenceNumber, ReadOnlyMemory<byte> body, string? table)
    {
        var items = new List<HubRecord>();
        try
        {
            Read(body, table, partitionId, sequenceNumber, items);
        }
        catch (MdeSiemException invalid)
        {
            items.Clear();
            items.Add(new HubRecord(partitionId, sequenceNumber, -1, null, invalid, endsEvent: true));
            return items;
        }

        if (items.Count == 0)
        {
            items.Add(new HubRecord(partitionId, sequenceNumber, -1, null, null, endsEvent: true));
        }
        else
        {
            items[items.Count - 1].EndsEvent = true;
        }

        return items;
    }
}
