using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Primitives;
using Azure.Messaging.EventHubs.Processor;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// One consumer among many: the client's PluggableCheckpointStoreEventProcessor balances the hub's partitions over
/// every consumer sharing the checkpoint container (claims, expiry, takeover). Each batch is handed to the reader
/// and the handler waits until its records went down the pipeline; only then is the batch checkpointed, so a
/// consumer that stops mid-batch leaves the batch to whoever takes the partition next.
/// https://learn.microsoft.com/azure/event-hubs/event-processor-balance-partition-load
/// </summary>
internal sealed class HubProcessor : PluggableCheckpointStoreEventProcessor<EventProcessorPartition>
{
    private readonly HubBatchQueue _queue;
    private readonly BlobHubCheckpointStore _store;
    private readonly TimeSpan _handOverGrace;

    public HubProcessor(BlobHubCheckpointStore store, int batchSize, string consumerGroup, string connectionString, string hubName, EventProcessorOptions options, HubBatchQueue queue)
        : base(store, batchSize, consumerGroup, connectionString, hubName, options)
    {
        _queue = queue;
        _store = store;
        _handOverGrace = HandOverGrace(options);
    }

    public HubProcessor(BlobHubCheckpointStore store, int batchSize, string consumerGroup, string fullyQualifiedNamespace, string hubName, TokenCredential credential, EventProcessorOptions options, HubBatchQueue queue)
        : base(store, batchSize, consumerGroup, fullyQualifiedNamespace, hubName, credential, options)
    {
        _queue = queue;
        _store = store;
        _handOverGrace = HandOverGrace(options);
    }

    /// <summary>
    /// A partition taken from a consumer whose claim was live is read only after a grace period: the old owner notices
    /// the loss at its next balancing cycle and then checkpoints what it delivered, so the new owner starts after it.
    /// </summary>
    protected override Task OnInitializingPartitionAsync(EventProcessorPartition partition, CancellationToken cancellationToken) =>
        _store.TakeClaimedFromLiveOwner(partition.PartitionId) ? Task.Delay(_handOverGrace, cancellationToken) : Task.CompletedTask;

    private static TimeSpan HandOverGrace(EventProcessorOptions options) => TimeSpan.FromTicks(options.LoadBalancingUpdateInterval.Ticks * 2);

    protected override async Task OnProcessingEventBatchAsync(IEnumerable<EventData> events, EventProcessorPartition partition, CancellationToken cancellationToken)
    {
        var batch = new HubBatch(partition.PartitionId, events as List<EventData> ?? events.ToList());
        if (batch.Events.Count == 0)
        {
            return;
        }

        await _queue.Batches.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        EventData? checkpointAt;
        // Stopped or the claim lost: checkpoint what went down the pipeline (after the event in progress completes, see
        // HubBatch.Finish); the rest of the batch is withdrawn.
        using (cancellationToken.Register(batch.Finish))
        {
            checkpointAt = await batch.Done.Task.ConfigureAwait(false);
        }

        if (checkpointAt is not null)
        {
            await UpdateCheckpointAsync(partition.PartitionId, CheckpointPosition.FromEvent(checkpointAt), CancellationToken.None).ConfigureAwait(false);
        }
    }

    protected override Task OnProcessingErrorAsync(Exception exception, EventProcessorPartition partition, string operationDescription, CancellationToken cancellationToken)
    {
        _queue.Problems.Enqueue($"Partition {partition?.PartitionId ?? "(none)"}: {operationDescription} failed ({exception.GetType().Name}); the processor recovers.");
        return Task.CompletedTask;
    }
}
