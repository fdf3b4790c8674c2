using System;
using Azure.Storage.Blobs;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.StreamingApi;

namespace MdeSiem.Core.EventHubs;

/// <summary>
/// The blob container consumers share for ownership and checkpoints, reached as the storage export is: a container URL
/// with a SAS, a container URL read with the connection's token (Storage Blob Data Contributor), or a container name
/// in the account of a storage connection string. Never shows the SAS or the key.
/// </summary>
public static class HubCheckpointContainer
{
    /// <param name="container">A container URL (with or without a SAS), or with <paramref name="storageConnectionString"/> a container name.</param>
    /// <param name="storageConnectionString">A storage account's connection string, or null.</param>
    /// <param name="connection">For a URL without a SAS: gives the storage token.</param>
    /// <param name="description">What verbose lines and errors may say about the container.</param>
    public static HubSharedReader OpenReader(EventHubTarget target, string container, string? storageConnectionString, MdeSiemConnection? connection, out string description)
    {
        StreamStorageTarget storage;
        string name;
        if (!string.IsNullOrEmpty(storageConnectionString))
        {
            storage = StreamStorageTarget.ForConnectionString(storageConnectionString!);
            name = container;
        }
        else if (Uri.TryCreate(container, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            name = new BlobUriBuilder(uri).BlobContainerName;
            if (string.IsNullOrEmpty(name))
            {
                throw new MdeSiemException(ErrorCode.InvalidArgument, "-CheckpointContainer must be the URL of a blob container.");
            }

            if (uri.Query.IndexOf("sig=", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                storage = StreamStorageTarget.ForSasUri(uri);
            }
            else
            {
                var account = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/" + (IsPathStyle(uri) ? uri.AbsolutePath.Trim('/').Split('/')[0] + "/" : string.Empty));
                storage = StreamStorageTarget.ForAccount(connection ?? throw new MdeSiemException(ErrorCode.NotConnected, "A -CheckpointContainer URL without a SAS is read with the connection's token: run Connect-MdeSiem first."), string.Empty, account);
            }
        }
        else
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "-CheckpointContainer must be a container URL, or a container name with -CheckpointStorageConnectionString.");
        }

        description = storage.Describe(name);
        return new HubSharedReader(target, storage.GetContainer(name));
    }

    // Emulators and private endpoints by IP put the account in the path: http://127.0.0.1:10000/devstoreaccount1/container.
    private static bool IsPathStyle(Uri uri) => uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback;
}
