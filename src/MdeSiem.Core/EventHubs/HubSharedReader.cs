using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Consumer;
using Azure.Messaging.EventHubs.Primitives;
using Azure.Storage.Blobs;
using MdeSiem.Core.Errors;
using MdeSiem.Core.StreamingApi;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// Reads a hub as one of several consumers sharing a blob checkpoint container: the processor claims this consumer's
/// share of the partitions and takes over those of a consumer that stopped. A scheduled run stops once the container
/// holds, for every partition, a checkpoint at or past what was enqueued when the run started (whoever wrote it); a
/// following run stops on cancel or after MaxWait without a batch.
/// </summary>
public sealed class HubSharedReader
{
    private static readonly TimeSpan IdleCheck = TimeSpan.FromMilliseconds(500);

    private readonly EventHubTarget _target;
    private readonly BlobContainerClient _container;

    public HubSharedReader(EventHubTarget target, BlobContainerClient container)
    {
        _target = target ?? throw new ArgumentNullException(nameof(target));
        _container = container ?? throw new ArgumentNullException(nameof(container));
    }

    /// <summary>How often consumers renew and rebalance their claims; a claim not renewed for three times this expires.</summary>
    public TimeSpan LoadBalancingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>What the processor reported and recovered from, for the verbose log.</summary>
    public IEnumerable<string> TakeProblems()
    {
        while (_queue.Problems.TryDequeue(out var problem))
        {
            yield return problem;
        }
    }

    private readonly HubBatchQueue _queue = new();

    public async IAsyncEnumerable<HubRecord> ReadAsync(HubReadQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        try
        {
            // The first consumer of a new container creates it; a SAS without that right finds it made already.
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException failed) when (failed.Status == 403)
        {
        }
        catch (Exception exception) when (IsStorageFailure(exception, cancellationToken))
        {
            throw StorageFailureTranslator.Translate(exception, "creating the checkpoint container", StorageUse.CheckpointContainer);
        }

        var store = new BlobHubCheckpointStore(_container, TimeSpan.FromTicks(LoadBalancingInterval.Ticks * 3), query.Table);
        try
        {
            await store.EnsureSameTableAsync(_target.FullyQualifiedNamespace, _target.HubName, _target.ConsumerGroup, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStorageFailure(exception, cancellationToken))
        {
            throw StorageFailureTranslator.Translate(exception, "reading the checkpoint container", StorageUse.CheckpointContainer);
        }

        var ends = query.Follow ? new Dictionary<string, long>() : await EndsAsync(store, query.SinceUtc, cancellationToken).ConfigureAwait(false);
        var options = new EventProcessorOptions
        {
            LoadBalancingUpdateInterval = LoadBalancingInterval,
            PartitionOwnershipExpirationInterval = TimeSpan.FromTicks(LoadBalancingInterval.Ticks * 3),
            MaximumWaitTime = TimeSpan.FromSeconds(1),
            PrefetchCount = Math.Max(query.BatchSize, 300),
            DefaultStartingPosition = query.SinceUtc is { } since ? EventPosition.FromEnqueuedTime(new DateTimeOffset(DateTime.SpecifyKind(since, DateTimeKind.Utc))) : EventPosition.Earliest,
            ConnectionOptions = _target.ConnectionOptions(),
        };
        var processor = _target.CreateProcessor(store, query.BatchSize, options, _queue);
        var outstanding = new List<HubBatch>();
        try
        {
            await processor.StartProcessingAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw EventHubFailureTranslator.Translate(exception, _target, "starting the consumer");
        }

        try
        {
            var quiet = Stopwatch.StartNew();
            while (true)
            {
                var batch = await NextAsync(cancellationToken).ConfigureAwait(false);
                if (batch is null)
                {
                    if (query.Follow ? query.MaxWait is { } maxWait && quiet.Elapsed >= maxWait : await AllDoneAsync(store, ends, cancellationToken).ConfigureAwait(false))
                    {
                        yield break;
                    }

                    continue;
                }

                quiet.Restart();
                if (!query.Follow && ends.TryGetValue(batch.PartitionId, out var end))
                {
                    // A scheduled run leaves what was enqueued after it started to the next run.
                    batch.Events = batch.Events.Where(e => e.SequenceNumber <= end).ToList();
                }

                if (batch.Events.Count == 0)
                {
                    batch.Abandon();
                    continue;
                }

                outstanding.Add(batch);
                HubRecord? last = null;
                foreach (var eventData in batch.Events)
                {
                    foreach (var record in HubEventBody.Records(batch.PartitionId, eventData.SequenceNumber, eventData.EventBody.ToMemory(), query.Table))
                    {
                        record.WithdrawnCheck = batch.IsWithdrawn;
                        var delivered = eventData;
                        var endsEvent = record.EndsEvent;
                        record.OnDelivered = () => batch.MarkDelivered(delivered, endsEvent);

                        if (last is not null)
                        {
                            yield return last;
                        }

                        last = record;
                    }
                }

                var final = last!;
                var markLast = final.OnDelivered;
                final.EndsBatch = true;
                final.OnDelivered = () =>
                {
                    markLast?.Invoke();
                    batch.Finish();
                };
                yield return final;
                outstanding.RemoveAll(b => b.Done.Task.IsCompleted);
            }
        }
        finally
        {
            foreach (var batch in outstanding)
            {
                batch.Stop();
            }

            while (_queue.Batches.Reader.TryRead(out var unread))
            {
                unread.Abandon();
            }

            await processor.StopProcessingAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<HubBatch?> NextAsync(CancellationToken cancellationToken)
    {
        if (_queue.Batches.Reader.TryRead(out var ready))
        {
            return ready;
        }

        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(IdleCheck);
        try
        {
            await _queue.Batches.Reader.WaitToReadAsync(idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        return _queue.Batches.Reader.TryRead(out var next) ? next : null;
    }

    /// <summary>
    /// Where a scheduled run stops in each partition: its last enqueued sequence number, -1 when there is nothing for
    /// it: empty, or (read from -Since, which takes only events enqueued after that time) nothing enqueued since. A
    /// partition some consumer checkpointed is read from its checkpoint instead, so -Since only decides for the others.
    /// </summary>
    private async Task<Dictionary<string, long>> EndsAsync(BlobHubCheckpointStore store, DateTime? sinceUtc, CancellationToken cancellationToken)
    {
        var ends = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            var connection = _target.OpenConnection(_target.ConnectionOptions());
            await using (connection.ConfigureAwait(false))
            {
                var consumer = new EventHubConsumerClient(_target.ConsumerGroup, connection);
                await using (consumer.ConfigureAwait(false))
                {
                    foreach (var partitionId in await consumer.GetPartitionIdsAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var properties = await consumer.GetPartitionPropertiesAsync(partitionId, cancellationToken).ConfigureAwait(false);
                        var nothingSince = sinceUtc is { } since && properties.LastEnqueuedTime.UtcDateTime <= since
                            && await CheckpointedAsync(store, partitionId, cancellationToken).ConfigureAwait(false) is null;
                        ends[partitionId] = properties.IsEmpty || nothingSince ? -1 : properties.LastEnqueuedSequenceNumber;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is not MdeSiemException and not OperationCanceledException)
        {
            throw EventHubFailureTranslator.Translate(exception, _target, "reading the partitions");
        }

        return ends;
    }

    /// <summary>True once every partition's checkpoint (anyone's) is at or past where this run stops.</summary>
    private async Task<bool> AllDoneAsync(BlobHubCheckpointStore store, Dictionary<string, long> ends, CancellationToken cancellationToken)
    {
        foreach (var end in ends)
        {
            if (end.Value < 0)
            {
                continue;
            }

            var checkpointed = await CheckpointedAsync(store, end.Key, cancellationToken).ConfigureAwait(false);
            if (checkpointed is null || checkpointed < end.Value)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The sequence number a consumer of this group checkpointed in the partition last; null for none.</summary>
    private async Task<long?> CheckpointedAsync(BlobHubCheckpointStore store, string partitionId, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetCheckpointedSequenceNumberAsync(_target.FullyQualifiedNamespace, _target.HubName, _target.ConsumerGroup, partitionId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsStorageFailure(exception, cancellationToken))
        {
            throw StorageFailureTranslator.Translate(exception, "reading the checkpoint container", StorageUse.CheckpointContainer);
        }
    }

    // Any failure of a storage call, not only the service's answers: an account that cannot be reached ends in the
    // client's AggregateException of its retries, and that must not reach the user as an unexpected error. The
    // caller's own cancellation is not a failure.
    private static bool IsStorageFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;
}
