using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;
using MdeSiem.Core.Errors;
using MdeSiem.Core.EventHubs;
using MdeSiem.Core.StreamingApi;
using MdeSiem.Tests.StreamingApi;
using Xunit;

namespace MdeSiem.Tests.EventHubs;

/// <summary>
/// Several consumers share a hub through a blob checkpoint container on Azurite, laid out as the official blob
/// checkpoint store: between them every record is delivered exactly once, also when one stops halfway.
/// </summary>
public sealed class HubSharedReaderTests
{
    private static readonly TimeSpan Balancing = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Three_consumers_on_four_partitions_deliver_every_record_once_when_one_stops_halfway()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var scenario = HubScenario.Start(alerts: 300, partitions: 4, recordsPerEvent: 3);
        var container = azurite.Client().GetBlobContainerClient("hub-checkpoints");
        await container.CreateAsync();
        var target = EventHubTarget.ForConnectionString(scenario.Hub.ConnectionString, null, null);
        var delivered = new ConcurrentBag<string>();
        int expected = scenario.Published.Count;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        using var stopFirst = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);

        var consumers = Enumerable.Range(0, 3).Select(i => Task.Run(async () =>
        {
            var reader = new HubSharedReader(target, container) { LoadBalancingInterval = Balancing };
            var token = i == 0 ? stopFirst.Token : timeout.Token;
            try
            {
                await foreach (var record in reader.ReadAsync(new HubReadQuery { BatchSize = 10 }, token))
                {
                    if (record.Withdrawn)
                    {
                        continue;
                    }

                    if (record.Event is not null)
                    {
                        delivered.Add(Key(record));
                    }

                    record.Acknowledge();
                    if (i == 0 && record.EndsEvent && delivered.Count >= expected / 3)
                    {
                        // Stops between two events, as Ctrl+C between two records of different events does.
                        stopFirst.Cancel();
                    }

                    await Task.Delay(1, CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (i == 0)
            {
                // The consumer that was stopped halfway.
            }
        })).ToArray();
        await Task.WhenAll(consumers);

        Assert.True(stopFirst.IsCancellationRequested);
        Assert.Equal(scenario.ExpectedKeys().OrderBy(k => k, StringComparer.Ordinal), delivered.OrderBy(k => k, StringComparer.Ordinal));
        var blobs = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            blobs.Add(blob.Name);
        }

        string prefix = $"127.0.0.1/{scenario.Hub.Options.HubName}/$default/";
        Assert.Equal(
            Enumerable.Range(0, 4).SelectMany(p => new[] { prefix + "checkpoint/" + p, prefix + "ownership/" + p }).OrderBy(n => n, StringComparer.Ordinal),
            blobs.OrderBy(n => n, StringComparer.Ordinal));
        var checkpoint = await container.GetBlobClient(prefix + "checkpoint/2").GetPropertiesAsync();
        Assert.Equal(scenario.Hub.Partitions[2].Last!.SequenceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), checkpoint.Value.Metadata["sequencenumber"]);
    }

    // A takeover while the old owner is inside an event: before the fix the new owner started at the last complete event
    // and repeated the records of the open one the old owner had delivered (same AlertIds of one event twice).
    [Fact]
    public async Task A_consumer_that_loses_partitions_to_a_newcomer_hands_them_over_without_loss_or_repeat()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var scenario = HubScenario.Start(alerts: 300, partitions: 4, recordsPerEvent: 3);
        var container = azurite.Client().GetBlobContainerClient("hub-checkpoints");
        await container.CreateAsync();
        var target = EventHubTarget.ForConnectionString(scenario.Hub.ConnectionString, null, null);
        var delivered = new ConcurrentBag<string>();
        int expected = scenario.Published.Count;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        using var secondMayStart = new SemaphoreSlim(0);

        // The first consumer owns every partition and reads slowly; once it delivered a fifth, a second processor
        // starts and claims its share, so the first loses partitions while it holds their batches.
        async Task Consume(int consumer)
        {
            if (consumer == 1)
            {
                await secondMayStart.WaitAsync(timeout.Token);
            }

            var reader = new HubSharedReader(target, container) { LoadBalancingInterval = Balancing };
            var released = false;
            await foreach (var record in reader.ReadAsync(new HubReadQuery { BatchSize = 10 }, timeout.Token))
            {
                if (record.Withdrawn)
                {
                    continue;
                }

                if (record.Event is not null)
                {
                    delivered.Add(Key(record));
                }

                record.Acknowledge();
                if (consumer == 0 && !released && delivered.Count >= expected / 5)
                {
                    released = true;
                    secondMayStart.Release();
                }

                await Task.Delay(consumer == 0 ? 5 : 1, CancellationToken.None);
            }
        }

        await Task.WhenAll(Task.Run(() => Consume(0)), Task.Run(() => Consume(1)));

        Assert.Equal(scenario.ExpectedKeys().OrderBy(k => k, StringComparer.Ordinal), delivered.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Second_scheduled_run_on_the_container_delivers_nothing()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var scenario = HubScenario.Start(alerts: 60, partitions: 2);
        var container = azurite.Client().GetBlobContainerClient("hub-checkpoints");
        await container.CreateAsync();
        var target = EventHubTarget.ForConnectionString(scenario.Hub.ConnectionString, null, null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var first = await ReadAllAsync(new HubSharedReader(target, container) { LoadBalancingInterval = Balancing }, timeout.Token);
        var second = await ReadAllAsync(new HubSharedReader(target, container) { LoadBalancingInterval = Balancing }, timeout.Token);
        Assert.Equal(scenario.ExpectedKeys().OrderBy(k => k, StringComparer.Ordinal), first.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Empty(second);
    }

    [Fact]
    public async Task A_consumer_group_checkpointed_by_runs_of_one_table_refuses_runs_of_another_or_of_every_table()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var scenario = HubScenario.Start(alerts: 60, partitions: 2);
        var container = azurite.Client().GetBlobContainerClient("hub-checkpoints");
        await container.CreateAsync();
        var target = EventHubTarget.ForConnectionString(scenario.Hub.ConnectionString, null, null);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        HubSharedReader Reader() => new(target, container) { LoadBalancingInterval = Balancing };

        var alertInfo = await ReadAllAsync(Reader(), timeout.Token, "AlertInfo");
        Assert.Equal(scenario.ExpectedKeys("AlertInfo").OrderBy(k => k, StringComparer.Ordinal), alertInfo.OrderBy(k => k, StringComparer.Ordinal));

        // The AlertInfo run moved both partitions past the AlertEvidence records of the same events.
        foreach (var other in new[] { null, "AlertEvidence" })
        {
            var refused = await Assert.ThrowsAsync<MdeSiemException>(() => ReadAllAsync(Reader(), timeout.Token, other));
            Assert.Equal(ErrorCode.CheckpointMismatch, refused.Code);
        }

        // The same table goes on from its checkpoints, and the checkpoints keep the official layout's metadata.
        Assert.Empty(await ReadAllAsync(Reader(), timeout.Token, "alertinfo"));
        var checkpoint = await container.GetBlobClient($"127.0.0.1/{scenario.Hub.Options.HubName}/$default/checkpoint/1").GetPropertiesAsync();
        Assert.Equal("alertinfo", checkpoint.Value.Metadata["mdesiemtable"]);
        Assert.Equal(scenario.Hub.Partitions[1].Last!.SequenceNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), checkpoint.Value.Metadata["sequencenumber"]);
    }

    private static async Task<List<string>> ReadAllAsync(HubSharedReader reader, CancellationToken cancellationToken, string? table = null)
    {
        var keys = new List<string>();
        await foreach (var record in reader.ReadAsync(new HubReadQuery { Table = table }, cancellationToken))
        {
            if (record.Withdrawn)
            {
                continue;
            }

            if (record.Event is not null)
            {
                keys.Add(Key(record));
            }

            record.Acknowledge();
        }

        return keys;
    }

    private static string Key(HubRecord record) => HubScenario.Key(
        record.PartitionId,
        record.SequenceNumber,
        record.Event!.Table,
        record.Event switch { AlertInfoEvent info => info.AlertId, AlertEvidenceEvent evidence => evidence.AlertId, _ => null });

    [Fact]
    public async Task A_scheduled_run_on_a_new_container_from_a_since_after_every_event_stops_with_nothing()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var scenario = HubScenario.Start(alerts: 20, partitions: 2);
        var container = azurite.Client().GetBlobContainerClient("hub-checkpoints");
        await container.CreateAsync();
        var reader = new HubSharedReader(EventHubTarget.ForConnectionString(scenario.Hub.ConnectionString, null, null), container) { LoadBalancingInterval = Balancing };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var delivered = 0;

        await foreach (var record in reader.ReadAsync(new HubReadQuery { SinceUtc = DateTime.UtcNow.AddMinutes(1) }, timeout.Token))
        {
            delivered++;
            record.Acknowledge();
        }

        Assert.Equal(0, delivered);
    }
}
