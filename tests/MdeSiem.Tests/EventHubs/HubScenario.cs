using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using MdeSiem.Simulator.EventHubs;
using MdeSiem.Simulator.StreamingApi;

namespace MdeSiem.Tests.EventHubs;

/// <summary>
/// A simulated hub holding the generated detections as the Streaming API sends them, and what was published where:
/// the tests' expected values, which never pass through the module.
/// </summary>
internal sealed class HubScenario : IAsyncDisposable
{
    public const string TenantId = "4b8c18bd-2f9f-4227-af55-9f1061cf9c32";

    private HubScenario(SimulatedEventHub hub, IReadOnlyList<PublishedRecord> published)
    {
        Hub = hub;
        Published = published;
    }

    public SimulatedEventHub Hub { get; }

    public IReadOnlyList<PublishedRecord> Published { get; }

    public static HubScenario Start(int alerts = 200, int partitions = 4, int recordsPerEvent = 5, int seed = 7)
    {
        var hub = SimulatedEventHub.Start(new EventHubOptions { PartitionCount = partitions });
        var generator = new SiemAlertGenerator(seed, alerts, new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc), TimeSpan.FromHours(6));
        var composer = new StreamingExportComposer(TenantId);
        var lines = StreamingHubPublisher.Tables.SelectMany(table => composer.Compose(table, generator.GetRecords()));
        return new HubScenario(hub, StreamingHubPublisher.Publish(hub, lines, recordsPerEvent));
    }

    /// <summary>Each published record as "partition/sequence/table/AlertId": one key per record, repeats kept.</summary>
    public IEnumerable<string> ExpectedKeys(string? table = null) =>
        Published.Where(p => table is null || p.Table == table).Select(p => Key(p.PartitionId, p.SequenceNumber, p.Table, AlertIdOf(p.Json)));

    public static string Key(string partition, long sequenceNumber, string table, string? alertId) => $"{partition}/{sequenceNumber}/{table}/{alertId}";

    public ValueTask DisposeAsync() => Hub.DisposeAsync();

    private static string? AlertIdOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("properties").GetProperty("AlertId").GetString();
    }
}
