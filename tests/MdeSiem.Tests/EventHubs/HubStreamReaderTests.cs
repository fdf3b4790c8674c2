using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.EventHubs;
using MdeSiem.Core.StreamingApi;
using MdeSiem.Simulator.EventHubs;
using Xunit;

namespace MdeSiem.Tests.EventHubs;

/// <summary>The core's hub reader against the simulated hub, with the real Azure.Messaging.EventHubs client.</summary>
public sealed class HubStreamReaderTests
{
    [Fact]
    public async Task Scheduled_run_delivers_every_record_once_as_typed_events()
    {
        await using var scenario = HubScenario.Start();
        var (records, _) = await ReadAsync(scenario, new HubReadQuery(), new Dictionary<string, long>());

        Assert.Equal(scenario.ExpectedKeys().OrderBy(k => k, StringComparer.Ordinal), records.Select(KeyOf).OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(records.Where(r => r.Event!.Table == "AlertInfo"), r => Assert.IsType<AlertInfoEvent>(r.Event));
        Assert.All(records.Where(r => r.Event!.Table == "AlertEvidence"), r => Assert.IsType<AlertEvidenceEvent>(r.Event));
        Assert.All(records, r => Assert.Equal(HubScenario.TenantId, r.Event!.TenantId));
    }

    [Fact]
    public async Task Run_from_the_positions_after_the_last_events_delivers_nothing_and_stops()
    {
        await using var scenario = HubScenario.Start(alerts: 40);
        var next = scenario.Hub.Partitions.ToDictionary(p => p.Id, p => (long)p.Count);
        var (records, _) = await ReadAsync(scenario, new HubReadQuery(), next);
        Assert.Empty(records);
    }

    [Fact]
    public async Task Run_stops_at_what_was_enqueued_when_it_started()
    {
        await using var scenario = HubScenario.Start(alerts: 40, partitions: 1);
        int before = scenario.Hub.Partitions[0].Count;
        var reader = new HubStreamReader(EventHubTarget.ForConnectionString(scenario.Hub.ConnectionString, null, null));
        var seen = new List<HubRecord>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await foreach (var record in reader.ReadAsync(new HubReadQuery(), new Dictionary<string, long>(), timeout.Token))
        {
            if (seen.Count == 0)
            {
                // Arrives after the run asked where each partition ends: left for the next run.
                scenario.Hub.Publish("0", Encoding.UTF8.GetBytes("{\"records\":[]}"));
            }

            seen.Add(record);
        }

        Assert.Equal(before - 1, seen.Max(r => r.SequenceNumber));
    }

    [Fact]
    public async Task Table_filter_keeps_one_table_and_still_ends_every_event()
    {
        await using var scenario = HubScenario.Start(alerts: 60);
        var (records, ended) = await ReadAsync(scenario, new HubReadQuery { Table = "AlertInfo" }, new Dictionary<string, long>());
        Assert.Equal(scenario.ExpectedKeys("AlertInfo").OrderBy(k => k, StringComparer.Ordinal), records.Select(KeyOf).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(scenario.Published.Select(p => p.PartitionId + "/" + p.SequenceNumber).Distinct().Count(), ended.Count);
    }

    [Fact]
    public async Task Event_that_is_not_records_is_an_error_naming_partition_and_sequence_number_and_the_run_goes_on()
    {
        await using var scenario = HubScenario.Start(alerts: 20, partitions: 2);
        var bad = scenario.Hub.Publish("1", Encoding.UTF8.GetBytes("{\"value\":42}"));
        var good = scenario.Hub.Publish("1", Encoding.UTF8.GetBytes("{\"records\":[{\"time\":\"2026-03-01T00:00:00Z\",\"tenantId\":\"t\",\"operationName\":\"Publish\",\"category\":\"AdvancedHunting-DeviceEvents\",\"properties\":{\"DeviceName\":\"late\"}}]}"));
        var reader = new HubStreamReader(EventHubTarget.ForConnectionString(scenario.Hub.ConnectionString, null, null));
        var all = new List<HubRecord>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await foreach (var record in reader.ReadAsync(new HubReadQuery(), new Dictionary<string, long>(), timeout.Token))
        {
            all.Add(record);
        }

        var error = Assert.Single(all, r => r.Error is not null).Error!;
        Assert.Equal(ErrorCode.InvalidResponse, error.Code);
        var target = Assert.IsType<HubEventPosition>(error.Target);
        Assert.Equal(("1", bad.SequenceNumber), (target.PartitionId, target.SequenceNumber));
        Assert.Contains(all, r => r.SequenceNumber == good.SequenceNumber && r.PartitionId == "1" && r.Event?.Table == "DeviceEvents");
    }

    [Theory]
    [InlineData(EventHubFaultKind.ServerBusy)]
    [InlineData(EventHubFaultKind.LinkDetachedMidRead)]
    [InlineData(EventHubFaultKind.ConnectionDropped)]
    public async Task Faults_are_survived_with_every_record_delivered_once(EventHubFaultKind kind)
    {
        await using var scenario = HubScenario.Start(alerts: 120, partitions: 2);
        scenario.Hub.EnqueueFault(new EventHubFault(kind, AfterEvents: 7));
        int linksBefore = scenario.Hub.ReceiverLinksOpened;
        var (records, _) = await ReadAsync(scenario, new HubReadQuery { BatchSize = 5 }, new Dictionary<string, long>());

        Assert.Equal(scenario.ExpectedKeys().OrderBy(k => k, StringComparer.Ordinal), records.Select(KeyOf).OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(0, scenario.Hub.PendingFaults);
        if (kind != EventHubFaultKind.ServerBusy)
        {
            // The faulted link was replaced by a new one.
            Assert.True(scenario.Hub.ReceiverLinksOpened - linksBefore > 2);
        }
    }

    private static async Task<(List<HubRecord> Records, HashSet<string> EndedEvents)> ReadAsync(HubScenario scenario, HubReadQuery query, IReadOnlyDictionary<string, long> next)
    {
        var reader = new HubStreamReader(EventHubTarget.ForConnectionString(scenario.Hub.ConnectionString, null, null));
        var records = new List<HubRecord>();
        var ended = new HashSet<string>(StringComparer.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await foreach (var record in reader.ReadAsync(query, next, timeout.Token))
        {
            Assert.Null(record.Error);
            if (record.Event is not null)
            {
                records.Add(record);
            }

            if (record.EndsEvent)
            {
                Assert.True(ended.Add(record.PartitionId + "/" + record.SequenceNumber), "an event ended twice");
            }
        }

        return (records, ended);
    }

    private static string KeyOf(HubRecord record) => HubScenario.Key(
        record.PartitionId,
        record.SequenceNumber,
        record.Event!.Table,
        record.Event switch { AlertInfoEvent info => info.AlertId, AlertEvidenceEvent evidence => evidence.AlertId, _ => null });

    [Fact]
    public async Task A_scheduled_run_from_a_since_after_every_event_stops_with_nothing()
    {
        // Read from -Since, a partition takes only events enqueued after it: with none there, nothing would come to
        // stop at, and the run waited for ever.
        await using var scenario = HubScenario.Start(alerts: 20, partitions: 2);
        var reader = new HubStreamReader(EventHubTarget.ForConnectionString(scenario.Hub.ConnectionString, null, null));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var delivered = 0;

        await foreach (var record in reader.ReadAsync(new HubReadQuery { SinceUtc = DateTime.UtcNow.AddMinutes(1) }, new Dictionary<string, long>(), timeout.Token))
        {
            delivered++;
        }

        Assert.Equal(0, delivered);
    }
}
