using System;
using System.Linq;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// The storage account the Streaming API writes to, reached one of three ways: by name with the connection's token
/// (audience https://storage.azure.com), by a SAS URI (account or container), or by a connection string. It never
/// shows the SAS signature or the account key: <see cref="Describe"/> is what verbose lines and errors name.
/// </summary>
public sealed class StreamStorageTarget
{
    private readonly Func<string, BlobContainerClient> _container;
    private readonly string? _sasContainer;

    private StreamStorageTarget(string accountName, string endpoint, Func<string, BlobContainerClient> container, string? sasContainer = null)
    {
        AccountName = accountName;
        Endpoint = endpoint;
        _container = container;
        _sasContainer = sasContainer;
    }

    public string AccountName { get; }

    /// <summary>The blob endpoint without query or credentials.</summary>
    public string Endpoint { get; }

    /// <param name="connection">Gives the token (audience https://storage.azure.com) and the cloud.</param>
    /// <param name="accountName">The storage account's name.</param>
    /// <param name="blobServiceUri">Another blob endpoint (an emulator, a private endpoint); default: the cloud's.</param>
    public static StreamStorageTarget ForAccount(MdeSiemConnection connection, string accountName, Uri? blobServiceUri)
    {
        if (connection is null)
        {
            throw new ArgumentNullException(nameof(connection));
        }

        if (blobServiceUri is null && !IsAccountName(accountName))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"'{accountName}' is not a storage account name.")
            {
                RecommendedAction = "A storage account name has 3 to 24 lower-case letters and digits.",
                Target = accountName,
            };
        }

        var endpoint = blobServiceUri ?? new Uri($"https://{accountName}.blob.{StorageSuffix(connection.Environment)}/");
        if (!string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.UserInfo))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "-BlobServiceUri must not carry a query or credentials; use -SasUri for a SAS.");
        }

        var options = ClientOptions();
        if (connection.SkipsLoopbackCertificateCheck && TransportFactory.IsLoopback(endpoint))
        {
            // A storage emulator on this machine with a self-signed certificate, as the connection's own endpoint.
            options.Transport = new HttpClientTransport(TransportFactory.Create(skipCertificateCheckForLoopback: true));
        }

        var service = Guard(() => new BlobServiceClient(endpoint, new StorageTokenCredential(connection.TokenSource), options));
        return new StreamStorageTarget(accountName, endpoint.GetLeftPart(UriPartial.Path), service.GetBlobContainerClient);
    }

    /// <summary>A SAS URI of the account (https://account.blob.core.windows.net/?sv=...) or of one container.</summary>
    public static StreamStorageTarget ForSasUri(Uri sasUri)
    {
        if (sasUri is null || !sasUri.IsAbsoluteUri || sasUri.Query.IndexOf("sig=", StringComparison.OrdinalIgnoreCase) < 0)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "-SasUri must be an absolute blob URI with a SAS token (sv=...&sig=...).")
            {
                RecommendedAction = "Generate a SAS for the account or the container with read and list permissions.",
            };
        }

        var parts = Guard(() => new BlobUriBuilder(sasUri));
        var withoutQuery = sasUri.GetLeftPart(UriPartial.Path);
        if (!string.IsNullOrEmpty(parts.BlobContainerName))
        {
            // A container SAS reaches that container only.
            var containerClient = Guard(() => new BlobContainerClient(sasUri, ClientOptions()));
            return new StreamStorageTarget(parts.AccountName ?? string.Empty, withoutQuery, _ => containerClient, parts.BlobContainerName);
        }

        var service = Guard(() => new BlobServiceClient(sasUri, ClientOptions()));
        return new StreamStorageTarget(parts.AccountName ?? string.Empty, withoutQuery, service.GetBlobContainerClient);
    }

    public static StreamStorageTarget ForConnectionString(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "-ConnectionString is empty.");
        }

        BlobServiceClient service;
        try
        {
            service = new BlobServiceClient(connectionString, ClientOptions());
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            // The parser's message may quote the string, key included: say only that it is not valid.
            throw new MdeSiemException(ErrorCode.InvalidArgument, "-ConnectionString is not a valid Azure Storage connection string.")
            {
                RecommendedAction = "Copy it from the storage account's 'Access keys' page, or use -SasUri or -StorageAccountName.",
            };
        }

        return new StreamStorageTarget(service.AccountName, service.Uri.GetLeftPart(UriPartial.Path), service.GetBlobContainerClient);
    }

    /// <summary>What a verbose line or an error may say about a container of this account.</summary>
    public string Describe(string containerName) => $"container '{containerName}' of storage account '{AccountName}' ({Endpoint})";

    internal BlobContainerClient GetContainer(string containerName)
    {
        if (_sasContainer is not null && !string.Equals(_sasContainer, containerName, StringComparison.Ordinal))
        {
            throw new MdeSiemException(
                ErrorCode.InvalidArgument,
                $"The SAS URI is for the container '{_sasContainer}', but this table is exported to '{containerName}'.")
            {
                RecommendedAction = "Use a SAS for that container, or an account SAS.",
            };
        }

        return _container(containerName);
    }

    private static BlobClientOptions ClientOptions()
    {
        var options = new BlobClientOptions();
        // Requests are logged by this module (never their query); the client's own diagnostics stay off.
        options.Diagnostics.IsLoggingEnabled = false;
        options.Diagnostics.IsDistributedTracingEnabled = false;
        options.Diagnostics.IsTelemetryEnabled = false;
        options.AddPolicy(StorageRequestLogPolicy.Instance, HttpPipelinePosition.PerRetry);
        return options;
    }

    private static T Guard<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or UriFormatException)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "The storage URI is not valid for Azure Blob Storage (" + exception.GetType().Name + ").")
            {
                RecommendedAction = "Token credentials need an https:// endpoint; check -BlobServiceUri or -SasUri.",
            };
        }
    }

    private static bool IsAccountName(string name) =>
        !string.IsNullOrEmpty(name) && name.Length is >= 3 and <= 24 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9'));

    private static string StorageSuffix(CloudEnvironment environment) => environment switch
    {
        // GCC (USGov) tenants use commercial Azure; GCC High and DoD use Azure Government.
        CloudEnvironment.USGovHigh or CloudEnvironment.USGovDoD => "core.usgovcloudapi.net",
        CloudEnvironment.China => "core.chinacloudapi.cn",
        _ => "core.windows.net",
    };
}
