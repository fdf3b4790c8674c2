using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MdeSiem.Simulator.StreamingApi;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// Publishes the tenant's detections to the simulated hub as the Defender XDR Streaming API does: each event's body
/// is {"records":[...]} holding several Advanced Hunting records (the same records as the storage export:
/// time, tenantId, operationName, category "AdvancedHunting-&lt;Table&gt;", properties), events spread over the
/// partitions in turn.
/// https://learn.microsoft.com/defender-xdr/streaming-api-event-hub and
/// https://learn.microsoft.com/defender-endpoint/api/raw-data-export-event-hub
/// </summary>
public static class StreamingHubPublisher
{
    /// <summary>The tables the simulated tenant streams to a hub.</summary>
    public static readonly string[] Tables = [StreamingExportComposer.AlertInfo, StreamingExportComposer.AlertEvidence];

    /// <summary>Publishes every record of every table; returns what was published, for the tests' ground truth.</summary>
    public static IReadOnlyList<PublishedRecord> PublishAll(SimulatedEventHub hub, SimulatedTenant tenant, int recordsPerEvent = 5)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(tenant);
        var composer = new StreamingExportComposer(tenant.TenantId);
        IEnumerable<StreamingExportLine> lines = Tables.SelectMany(table => composer.Compose(table, tenant.Generator.GetRecords()));
        return Publish(hub, lines, recordsPerEvent);
    }

    /// <summary>Publishes the lines, <paramref name="recordsPerEvent"/> per event, partition after partition.</summary>
    public static IReadOnlyList<PublishedRecord> Publish(SimulatedEventHub hub, IEnumerable<StreamingExportLine> lines, int recordsPerEvent)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentOutOfRangeException.ThrowIfLessThan(recordsPerEvent, 1);
        var published = new List<PublishedRecord>();
        int partitionIndex = 0;
        foreach (StreamingExportLine[] chunk in lines.Chunk(recordsPerEvent))
        {
            HubPartition partition = hub.Partitions[partitionIndex];
            StoredEvent stored = hub.Publish(partition.Id, Body(chunk));
            published.AddRange(chunk.Select(line => new PublishedRecord(partition.Id, stored.SequenceNumber, line.Table, line.Json)));
            partitionIndex = (partitionIndex + 1) % hub.Partitions.Count;
        }

        return published;
    }

    private static byte[] Body(IEnumerable<StreamingExportLine> chunk) =>
        Encoding.UTF8.GetBytes("{\"records\":[" + string.Join(",", chunk.Select(line => line.Json)) + "]}");
}
