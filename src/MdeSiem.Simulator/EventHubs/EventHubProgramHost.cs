using System.IO;
using System.Text;
using System.Text.Json;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// The program's --event-hub FILE: starts the simulated hub beside the tenant, publishes the tenant's detections to
/// it, and writes FILE for the caller (a test in another process): the hub's connection string, name and partition
/// count, and every published record with its partition and sequence number (the ground truth).
/// </summary>
public static class EventHubProgramHost
{
    public static SimulatedEventHub Start(SimulatedTenant tenant, string factsFile, int partitions = 4)
    {
        var hub = SimulatedEventHub.Start(new EventHubOptions { PartitionCount = partitions });
        var published = StreamingHubPublisher.PublishAll(hub, tenant);
        using var stream = File.Create(factsFile);
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("connectionString", hub.ConnectionString);
        writer.WriteString("namespace", "127.0.0.1:" + hub.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("hubName", hub.Options.HubName);
        writer.WriteNumber("partitionCount", hub.Partitions.Count);
        writer.WriteStartArray("records");
        foreach (PublishedRecord record in published)
        {
            writer.WriteStartObject();
            writer.WriteString("partition", record.PartitionId);
            writer.WriteNumber("sequenceNumber", record.SequenceNumber);
            writer.WriteString("table", record.Table);
            using var json = JsonDocument.Parse(Encoding.UTF8.GetBytes(record.Json));
            writer.WritePropertyName("record");
            json.RootElement.WriteTo(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        return hub;
    }
}
