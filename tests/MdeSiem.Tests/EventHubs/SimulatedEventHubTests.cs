using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Consumer;
using Azure.Messaging.EventHubs.Primitives;
using MdeSiem.Simulator.EventHubs;
using Xunit;

namespace MdeSiem.Tests.EventHubs;

/// <summary>The simulated hub serves the real Azure.Messaging.EventHubs client as the service does.</summary>
public sealed class SimulatedEventHubTests
{
    [Fact]
    public async Task Real_consumer_client_reads_partition_ids_properties_and_events()
    {
        await using SimulatedEventHub hub = SimulatedEventHub.Start(new EventHubOptions { PartitionCount = 3 });
        var bodies = Enumerable.Range(0, 25).Select(i => "event " + i).ToList();
        foreach (string body in bodies)
        {
            hub.Publish("1", Encoding.UTF8.GetBytes(body));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var client = new EventHubConsumerClient(EventHubConsumerClient.DefaultConsumerGroupName, hub.ConnectionString);
        Assert.Equal(new[] { "0", "1", "2" }, await client.GetPartitionIdsAsync(timeout.Token));
        PartitionProperties properties = await client.GetPartitionPropertiesAsync("1", timeout.Token);
        Assert.Equal(24, properties.LastEnqueuedSequenceNumber);
        Assert.False(properties.IsEmpty);
        Assert.True((await client.GetPartitionPropertiesAsync("0", timeout.Token)).IsEmpty);

        var read = new List<PartitionEvent>();
        await foreach (PartitionEvent partitionEvent in client.ReadEventsFromPartitionAsync("1", EventPosition.Earliest, timeout.Token))
        {
            read.Add(partitionEvent);
            if (read.Count == bodies.Count)
            {
                break;
            }
        }

        Assert.Equal(bodies, read.Select(e => e.Data.EventBody.ToString()));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), read.Select(e => e.Data.SequenceNumber));
        Assert.Equal(hub.Partitions[1].At(10)!.EnqueuedTimeUtc, read[10].Data.EnqueuedTime.UtcDateTime);
    }

    [Fact]
    public async Task A_valid_signature_for_a_hub_the_namespace_lacks_is_not_found_and_a_wrong_key_is_unauthorized()
    {
        // The namespace-level policy signs for any entity of the namespace: the service answers put-token for a
        // mistyped hub with 404 "The messaging entity ... could not be found" (the client's ResourceNotFound), and
        // only a signature that does not check out with 401.
        await using SimulatedEventHub hub = SimulatedEventHub.Start(new EventHubOptions { PartitionCount = 1 });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var options = new EventHubConsumerClientOptions { RetryOptions = new EventHubsRetryOptions { MaximumRetries = 0 } };

        string otherHub = hub.ConnectionString.Replace("EntityPath=" + hub.Options.HubName, "EntityPath=no-such-hub", StringComparison.Ordinal);
        Assert.NotEqual(hub.ConnectionString, otherHub);
        await using (var client = new EventHubConsumerClient(EventHubConsumerClient.DefaultConsumerGroupName, otherHub, options))
        {
            var missing = await Assert.ThrowsAsync<EventHubsException>(() => client.GetPartitionIdsAsync(timeout.Token));
            Assert.Equal(EventHubsException.FailureReason.ResourceNotFound, missing.Reason);
            Assert.Contains("no-such-hub", missing.Message, StringComparison.Ordinal);
        }

        string wrongKey = System.Text.RegularExpressions.Regex.Replace(hub.ConnectionString, "SharedAccessKey=[^;]+", "SharedAccessKey=" + Convert.ToBase64String(new byte[32]));
        Assert.NotEqual(hub.ConnectionString, wrongKey);
        await using (var client = new EventHubConsumerClient(EventHubConsumerClient.DefaultConsumerGroupName, wrongKey, options))
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => client.GetPartitionIdsAsync(timeout.Token));
        }
    }

    [Fact]
    public async Task Receiver_starts_after_the_sequence_number_of_its_position()
    {
        await using SimulatedEventHub hub = SimulatedEventHub.Start(new EventHubOptions { PartitionCount = 1 });
        for (int i = 0; i < 10; i++)
        {
            hub.Publish("0", Encoding.UTF8.GetBytes("e" + i));
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var receiver = new PartitionReceiver(EventHubConsumerClient.DefaultConsumerGroupName, "0", EventPosition.FromSequenceNumber(6, isInclusive: false), hub.ConnectionString);
        IEnumerable<EventData> batch = await receiver.ReceiveBatchAsync(100, TimeSpan.FromSeconds(2), timeout.Token);
        Assert.Equal(new long[] { 7, 8, 9 }, batch.Select(e => e.SequenceNumber));
    }
}
