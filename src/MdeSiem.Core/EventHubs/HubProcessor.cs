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

    public HubProcessor(CheckpointStore store, int batchSize, string consumerGroup, string connectionString, string hubName, EventProcessorOptions options, HubBatchQueue queue)
        : base(store, batchSize, consumerGroup, connectionString, hubName, options)
    {
        _queue = queue;
    }

    public HubProcessor(CheckpointStore store, int batchSize, string consumerGroup, string fullyQualifiedNamespace, string hubName, TokenCredential credential, EventProcessorOptions options, HubBatchQueue queue)
        : base(store, batchSize, consumerGroup, fullyQualifiedNamespace, hubName, credential, options)
    {
        _queue = queue;
    }

    protected override async Task OnProcessingEventBatchAsync(IEnumerable<EventData> events, EventProcessorPartition partition, CancellationToken cancellationToken)
    {
        var batch = new HubBatch(partition.PartitionId, events as List<EventData> ?? events.ToList());
        if (batch.Events.Count == 0)
        {
            return;
        }

        await _queue.Batches.Writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
        EventData? checkpointAt;
        using (cancellationToken.Register(() =>
        {
            // Stopping this consumer keeps what went down the pipeline; a lost claim leaves the batch to the new owner.
            if (_queue.Stopping)
            {
                batch.Finish();
            }
            else
            {
                batch.Abandon();
            }
        }))
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
