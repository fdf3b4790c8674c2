using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Consumer;
using Azure.Messaging.EventHubs.Primitives;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// Reads a hub's partitions for one consumer, each from the sequence number after the last one delivered. A
/// scheduled run first asks every partition for its last enqueued sequence number and stops each partition there; a
/// following run keeps receiving until cancelled or quiet for the query's MaxWait. Retries (server busy, a link or
/// connection lost) are the client's own (EventHubsRetryOptions); what is left after them is an MdeSiemException.
/// </summary>
public sealed class HubStreamReader
{
    // Measured on the bench's simulated hub (100,000 events of five records, four partitions): receiving 100 events
    // at a time with 200 prefetched took a sixth less CPU than 300 with 300 (a 300-event receive keeps about 1.5 MB
    // of bodies alive while it is parsed, and every collection in that time promotes them); a prefetch no larger than
    // the receive leaves the link without credit between receives and halved the rate.
    private const int ReceiveChunk = 100;

    private readonly EventHubTarget _target;

    public HubStreamReader(EventHubTarget target)
    {
        _target = target ?? throw new ArgumentNullException(nameof(target));
    }

    /// <summary>The partitions and where a scheduled run stops in each (-1: the partition was empty), once known.</summary>
    public IReadOnlyDictionary<string, long> EndSequenceNumbers { get; private set; } = new Dictionary<string, long>();

    /// <param name="query">What to read.</param>
    /// <param name="nextSequenceNumbers">Per partition, the first sequence number not delivered yet (from a checkpoint).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <param name="recordsDeliveredOfNext">
    /// Per partition, how many records of the event at its next sequence number an earlier run delivered (it stopped
    /// inside that event): they are not handed out again.
    /// </param>
    public async IAsyncEnumerable<HubRecord> ReadAsync(
        HubReadQuery query,
        IReadOnlyDictionary<string, long> nextSequenceNumbers,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        IReadOnlyDictionary<string, int>? recordsDeliveredOfNext = null)
    {
        if (query is null || nextSequenceNumbers is null)
        {
            throw new ArgumentNullException(query is null ? nameof(query) : nameof(nextSequenceNumbers));
        }

        var connection = _target.OpenConnection(_target.ConnectionOptions());
        var receivers = new List<PartitionState>();
        try
        {
            await OpenAsync(connection, query, nextSequenceNumbers, receivers, cancellationToken).ConfigureAwait(false);
            var quiet = Stopwatch.StartNew();
            var chunk = ReceiveChunkOf(query);
            var eventsSinceCommit = 0;
            while (receivers.Any(r => !r.Done))
            {
                var received = false;
                foreach (var state in receivers.Where(r => !r.Done))
                {
                    var batch = await ReceiveAsync(state, chunk, query, cancellationToken).ConfigureAwait(false);
                    if (batch.Count > 0)
                    {
                        received = true;
                        quiet.Restart();
                    }

                    eventsSinceCommit += batch.Count;

                    HubRecord? last = null;
                    foreach (var eventData in batch)
                    {
                        var sequenceNumber = eventData.SequenceNumber;
                        if (!query.Follow && sequenceNumber > state.End)
                        {
                            state.Done = true;
                            break;
                        }

                        var alreadyDelivered = recordsDeliveredOfNext is not null
                            && recordsDeliveredOfNext.TryGetValue(state.PartitionId, out var count)
                            && nextSequenceNumbers.TryGetValue(state.PartitionId, out var next) && next == sequenceNumber
                            ? count
                            : 0;
                        var records = HubEventBody.Records(state.PartitionId, sequenceNumber, eventData.EventBody.ToMemory(), query.Table);
                        foreach (var record in alreadyDelivered > 0 ? WithoutDelivered(records, alreadyDelivered) : records)
                        {
                            if (last is not null)
                            {
                                yield return last;
                            }

                            last = record;
                        }

                        if (!query.Follow && sequenceNumber >= state.End)
                        {
                            state.Done = true;
                            break;
                        }
                    }

                    if (last is not null)
                    {
                        // A commit (an fsync of the checkpoint file) after BatchSize events, or sooner when the
                        // reader has caught up with the partition (a short receive) or finished it.
                        if (eventsSinceCommit >= query.BatchSize || batch.Count < chunk || state.Done)
                        {
                            last.EndsBatch = true;
                            eventsSinceCommit = 0;
                        }

                        yield return last;
                    }
                }

                if (query.Follow && !received && query.MaxWait is { } maxWait && quiet.Elapsed >= maxWait)
                {
                    break;
                }
            }
        }
        finally
        {
            foreach (var state in receivers)
            {
                await state.Receiver.CloseAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await connection.CloseAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// An event's items less the first records an earlier run delivered; the event's end still comes out (as an
    /// item without a record) so that the event is counted as delivered.
    /// </summary>
    private static List<HubRecord> WithoutDelivered(List<HubRecord> records, int alreadyDelivered)
    {
        var left = new List<HubRecord>(records.Count);
        foreach (var record in records)
        {
            if (record.RecordIndex < 0 || record.RecordIndex >= alreadyDelivered)
            {
                left.Add(record);
            }
            else if (record.EndsEvent)
            {
                left.Add(new HubRecord(record.PartitionId, record.SequenceNumber, -1, null, null, endsEvent: true));
            }
        }

        return left;
    }

    private async Task OpenAsync(EventHubConnection connection, HubReadQuery query, IReadOnlyDictionary<string, long> next, List<PartitionState> receivers, CancellationToken cancellationToken)
    {
        var ends = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            await using var consumer = new EventHubConsumerClient(_target.ConsumerGroup, connection);
            foreach (var partitionId in await consumer.GetPartitionIdsAsync(cancellationToken).ConfigureAwait(false))
            {
                long end = long.MaxValue;
                var nothingSince = false;
                if (!query.Follow)
                {
                    var properties = await consumer.GetPartitionPropertiesAsync(partitionId, cancellationToken).ConfigureAwait(false);
                    end = properties.IsEmpty ? -1 : properties.LastEnqueuedSequenceNumber;
                    nothingSince = query.SinceUtc is { } sinceUtc && properties.LastEnqueuedTime.UtcDateTime <= sinceUtc;
                }

                ends[partitionId] = end;
                var from = next.TryGetValue(partitionId, out var sequenceNumber) ? sequenceNumber : (long?)null;

                // A scheduled run skips a partition with nothing for it: empty, read past where it stops, or (read
                // from -Since, which takes only events enqueued after that time) nothing enqueued since; its receiver
                // would wait for an event to stop at.
                if (!query.Follow && (end < 0 || (from is { } start ? start > end : nothingSince)))
                {
                    continue;
                }

                var position = from is { } first
                    ? EventPosition.FromSequenceNumber(first, isInclusive: true)
                    : query.SinceUtc is { } since ? EventPosition.FromEnqueuedTime(new DateTimeOffset(DateTime.SpecifyKind(since, DateTimeKind.Utc))) : EventPosition.Earliest;
                var options = new PartitionReceiverOptions { PrefetchCount = 2 * ReceiveChunkOf(query) };
                receivers.Add(new PartitionState(partitionId, end, new PartitionReceiver(_target.ConsumerGroup, partitionId, position, connection, options)));
            }
        }
        catch (Exception exception) when (exception is not MdeSiemException and not OperationCanceledException)
        {
            throw EventHubFailureTranslator.Translate(exception, _target, "reading the partitions");
        }

        EndSequenceNumbers = ends;
    }

    /// <summary>
    /// Events asked for per receive (at most <see cref="ReceiveChunk"/>); each link prefetches twice that, so the next
    /// receive finds its events there while the reader parses the last ones.
    /// </summary>
    private static int ReceiveChunkOf(HubReadQuery query) => Math.Max(1, Math.Min(query.BatchSize, ReceiveChunk));

    private async Task<List<EventData>> ReceiveAsync(PartitionState state, int chunk, HubReadQuery query, CancellationToken cancellationToken)
    {
        try
        {
            var batch = await state.Receiver.ReceiveBatchAsync(chunk, query.ReceiveWait, cancellationToken).ConfigureAwait(false);
            return batch as List<EventData> ?? batch.ToList();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw EventHubFailureTranslator.Translate(exception, _target, $"reading partition {state.PartitionId}");
        }
    }

    private sealed class PartitionState
    {
        public PartitionState(string partitionId, long end, PartitionReceiver receiver)
        {
            PartitionId = partitionId;
            End = end;
            Receiver = receiver;
        }

        public string PartitionId { get; }

        public long End { get; }

        public PartitionReceiver Receiver { get; }

        public bool Done { get; set; }
    }
}
