namespace MdeSiem.Core.StreamingApi;

/// <summary>What the module was doing with a storage account when it failed, so that the advice fits.</summary>
internal enum StorageUse
{
    /// <summary>Reading the Streaming API's export (read and list rights).</summary>
    StreamExport,

    /// <summary>
    /// Keeping a shared event hub's ownership claims and checkpoints (-CheckpointContainer): the container is listed,
    /// its blobs read, created and rewritten, as the Event Hubs blob checkpoint store does
    /// (https://learn.microsoft.com/dotnet/api/azure.messaging.eventhubs.primitives.blobcheckpointstore: claiming
    /// ownership and updating a checkpoint write blobs, listing ownership lists them).
    /// </summary>
    CheckpointContainer,
}
