using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Messaging.EventHubs.Primitives;
using Azure.Messaging.EventHubs.Processor;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// Ownership and checkpoints of a hub's consumers in a blob container, laid out as the official blob checkpoint store
/// (Azure.Messaging.EventHubs.Processor's BlobCheckpointStore) lays them out, so consumers can move between this
/// module and other Event Hubs processors: "{namespace}/{hub}/{consumer group}/ownership/{partition}" (metadata
/// "ownerid"; the blob's ETag is the claim's version) and "{namespace}/{hub}/{consumer group}/checkpoint/{partition}"
/// (metadata "sequencenumber" and "offset"), names in lower case. Claims are conditional writes: a claim whose ETag
/// is no longer the blob's fails and is left out, as the processor expects.
/// Names from azure-sdk-for-net sdk/eventhub/Azure.Messaging.EventHubs.Processor/src/Storage/BlobMetadataKey.cs and
/// BlobCheckpointStoreInternal.cs; https://learn.microsoft.com/azure/event-hubs/event-processor-balance-partition-load
/// <para>
/// A checkpoint blob also carries "mdesiemtable": the -EventType table of the run that wrote it ("*" for every table),
/// which other processors ignore. A run of one table moves a partition's checkpoint past the other tables' records
/// without delivering them, so a run of another table on the same consumer group would skip them: such a run is
/// refused before it starts (<see cref="EnsureSameTableAsync"/>).
/// </para>
/// </summary>
internal sealed class BlobHubCheckpointStore : CheckpointStore
{
    private const string OwnerIdKey = "ownerid";
    private const string SequenceNumberKey = "sequencenumber";
    private const string OffsetKey = "offset";
    private const string TableKey = "mdesiemtable";

    private readonly BlobContainerClient _container;
    private readonly TimeSpan _ownershipExpiry;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Owner, DateTimeOffset Modified)> _lastSeen = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _takenFromLiveOwner = new(StringComparer.Ordinal);

    private readonly string _table;

    /// <param name="table">The -EventType table this run reads; null for every table.</param>
    public BlobHubCheckpointStore(BlobContainerClient container, TimeSpan ownershipExpiry, string? table)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _ownershipExpiry = ownershipExpiry;
        _table = TableValue(table);
    }

    /// <summary>
    /// True (once) when this consumer's last claim of the partition took it from another consumer whose claim was
    /// still live: that consumer may still be delivering a batch it has not checkpointed yet.
    /// </summary>
    public bool TakeClaimedFromLiveOwner(string partitionId) => _takenFromLiveOwner.TryRemove(partitionId, out _);

    public static string Prefix(string fullyQualifiedNamespace, string eventHubName, string consumerGroup, string kind) =>
        string.Join("/", fullyQualifiedNamespace.ToLowerInvariant(), eventHubName.ToLowerInvariant(), consumerGroup.ToLowerInvariant(), kind) + "/";

    public override async Task<IEnumerable<EventProcessorPartitionOwnership>> ListOwnershipAsync(string fullyQualifiedNamespace, string eventHubName, string consumerGroup, CancellationToken cancellationToken)
    {
        var prefix = Prefix(fullyQualifiedNamespace, eventHubName, consumerGroup, "ownership");
        var owners = new List<EventProcessorPartitionOwnership>();
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            var partitionId = blob.Name.Substring(prefix.Length);
            _lastSeen[partitionId] = (blob.Metadata.TryGetValue(OwnerIdKey, out var seenOwner) ? seenOwner : string.Empty, blob.Properties.LastModified ?? DateTimeOffset.MinValue);
            owners.Add(new EventProcessorPartitionOwnership
            {
                FullyQualifiedNamespace = fullyQualifiedNamespace,
                EventHubName = eventHubName,
                ConsumerGroup = consumerGroup,
                PartitionId = partitionId,
                OwnerIdentifier = blob.Metadata.TryGetValue(OwnerIdKey, out var owner) ? owner : string.Empty,
                LastModifiedTime = blob.Properties.LastModified ?? DateTimeOffset.MinValue,
                Version = blob.Properties.ETag?.ToString(),
            });
        }

        return owners;
    }

    public override async Task<IEnumerable<EventProcessorPartitionOwnership>> ClaimOwnershipAsync(IEnumerable<EventProcessorPartitionOwnership> desiredOwnership, CancellationToken cancellationToken)
    {
        var claimed = new List<EventProcessorPartitionOwnership>();
        foreach (var ownership in desiredOwnership)
        {
            var blob = _container.GetBlobClient(Prefix(ownership.FullyQualifiedNamespace, ownership.EventHubName, ownership.ConsumerGroup, "ownership") + ownership.PartitionId);
            var metadata = new Dictionary<string, string> { [OwnerIdKey] = ownership.OwnerIdentifier ?? string.Empty };
            try
            {
                BlobContentInfo info;
                if (ownership.Version is null)
                {
                    // A first claim: only when nobody created the blob meanwhile.
                    var options = new BlobUploadOptions { Metadata = metadata, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
                    info = (await blob.UploadAsync(BinaryData.Empty, options, cancellationToken).ConfigureAwait(false)).Value;
                    ownership.LastModifiedTime = info.LastModified;
                    ownership.Version = info.ETag.ToString();
                }
                else
                {
                    var conditions = new BlobRequestConditions { IfMatch = new ETag(ownership.Version) };
                    var set = (await blob.SetMetadataAsync(metadata, conditions, cancellationToken).ConfigureAwait(false)).Value;
                    ownership.LastModifiedTime = set.LastModified;
                    ownership.Version = set.ETag.ToString();
                }

                if (_lastSeen.TryGetValue(ownership.PartitionId, out var previous) && !string.IsNullOrEmpty(previous.Owner)
                    && previous.Owner != ownership.OwnerIdentifier && previous.Modified > DateTimeOffset.UtcNow - _ownershipExpiry)
                {
                    _takenFromLiveOwner[ownership.PartitionId] = true;
                }

                claimed.Add(ownership);
            }
            catch (RequestFailedException failed) when (failed.Status is 409 or 412 or 404)
            {
                // Someone else claimed it first (or the blob went away): not ours.
            }
        }

        return claimed;
    }

    public override async Task<EventProcessorCheckpoint?> GetCheckpointAsync(string fullyQualifiedNamespace, string eventHubName, string consumerGroup, string partitionId, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(Prefix(fullyQualifiedNamespace, eventHubName, consumerGroup, "checkpoint") + partitionId);
        IDictionary<string, string> metadata;
        try
        {
            metadata = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Metadata;
        }
        catch (RequestFailedException failed) when (failed.Status == 404)
        {
            return null;
        }

        if (!metadata.TryGetValue(SequenceNumberKey, out var text) || !long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var sequenceNumber))
        {
            return null;
        }

        return new EventProcessorCheckpoint
        {
            FullyQualifiedNamespace = fullyQualifiedNamespace,
            EventHubName = eventHubName,
            ConsumerGroup = consumerGroup,
            PartitionId = partitionId,
            // The next event to read is the one after the checkpointed one.
            StartingPosition = Azure.Messaging.EventHubs.Consumer.EventPosition.FromSequenceNumber(sequenceNumber, isInclusive: false),
        };
    }

    /// <summary>The sequence number last checkpointed for a partition, or null.</summary>
    public async Task<long?> GetCheckpointedSequenceNumberAsync(string fullyQualifiedNamespace, string eventHubName, string consumerGroup, string partitionId, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(Prefix(fullyQualifiedNamespace, eventHubName, consumerGroup, "checkpoint") + partitionId);
        try
        {
            var metadata = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value.Metadata;
            return metadata.TryGetValue(SequenceNumberKey, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (RequestFailedException failed) when (failed.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Refuses the run (CheckpointMismatch) when a checkpoint of the consumer group was written by a run of another
    /// table, or of every table where this run reads one, and the other way round. Checkpoints other processors wrote
    /// (without the module's table) are taken as they are.
    /// </summary>
    /// <exception cref="RequestFailedException">The container could not be listed.</exception>
    public async Task EnsureSameTableAsync(string fullyQualifiedNamespace, string eventHubName, string consumerGroup, CancellationToken cancellationToken)
    {
        var prefix = Prefix(fullyQualifiedNamespace, eventHubName, consumerGroup, "checkpoint");
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Metadata.TryGetValue(TableKey, out var written) && !string.Equals(written, _table, StringComparison.Ordinal))
            {
                throw new MdeSiemException(
                    ErrorCode.CheckpointMismatch,
                    $"The checkpoints of consumer group '{consumerGroup}' in the container were written by runs of {Describe(written)}; this run reads {Describe(_table)}, and would skip the records the other runs passed over.")
                {
                    RecommendedAction = "Give each -EventType its own consumer group or checkpoint container (and the runs that share one the same -EventType).",
                    Target = blob.Name,
                };
            }
        }
    }

    public override async Task UpdateCheckpointAsync(string fullyQualifiedNamespace, string eventHubName, string consumerGroup, string partitionId, string clientIdentifier, CheckpointPosition startingPosition, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(Prefix(fullyQualifiedNamespace, eventHubName, consumerGroup, "checkpoint") + partitionId);
        var metadata = new Dictionary<string, string>
        {
            [SequenceNumberKey] = startingPosition.SequenceNumber.ToString(CultureInfo.InvariantCulture),
            [TableKey] = _table,
        };
        if (!string.IsNullOrEmpty(startingPosition.OffsetString))
        {
            metadata[OffsetKey] = startingPosition.OffsetString;
        }

        try
        {
            await blob.SetMetadataAsync(metadata, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException failed) when (failed.Status == 404)
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Metadata = metadata }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string TableValue(string? table) => table is null ? "*" : table.ToLowerInvariant();

    private static string Describe(string tableValue) => tableValue == "*" ? "every table" : "table " + tableValue;
}
