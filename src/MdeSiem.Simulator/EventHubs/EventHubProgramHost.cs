using System.Linq;
using System.IO;
using System.Text;
using System.Text.Json;

namespace MdeSiem.Simulator.EventHubs;

/// <summary>
/// The program's --event-hub FILE: starts the simulated hub beside the tenant, publishes the tenant's detections to
/// it, and writes FILE for the caller (a test in another process): the hub's connection string, name and partition
/// count, the AMQPS address of the same namespace (tlsNamespace: for clients that sign in with the tenant's tokens),
/// and every published record with its partition and sequence number (the ground truth).
/// </summary>
public static class EventHubProgramHost
{
    public static SimulatedEventHub Start(SimulatedTenant tenant, string factsFile, int partitions = 4, bool listRecords = true)
    {
        // The tenant's own certificate and tokens: a client that connects with the tenant's -EndpointUri and
        // -SkipCertificateCheck reaches the hub over TLS with the token the tenant issued for Event Hubs.
        var hub = SimulatedEventHub.Start(new EventHubOptions
        {
            PartitionCount = partitions,
            TlsCertificate = tenant.Certificate,
            BearerTokenCheck = tenant.CheckEventHubsToken,
        });
        var published = StreamingHubPublisher.PublishAll(hub, tenant);
        using var stream = File.Create(factsFile);
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("connectionString", hub.ConnectionString);
        writer.WriteString("namespace", "127.0.0.1:" + hub.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("hubName", hub.Options.HubName);
        writer.WriteString("tlsNamespace", "127.0.0.1:" + hub.TlsPort!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteNumber("partitionCount", hub.Partitions.Count);
        writer.WriteNumber("recordCount", published.Count);
        writer.WriteNumber("eventCount", published.Select(record => (record.PartitionId, record.SequenceNumber)).Distinct().Count());
        writer.WriteStartArray("records");
        foreach (PublishedRecord record in listRecords ? published : [])
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
