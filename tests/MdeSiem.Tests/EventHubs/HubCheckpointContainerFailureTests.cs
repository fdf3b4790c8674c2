using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using MdeSiem.Core.Errors;
using MdeSiem.Core.EventHubs;
using MdeSiem.Tests.StreamingApi;
using Xunit;

namespace MdeSiem.Tests.EventHubs;

/// <summary>
/// A checkpoint container that cannot be used stops a shared hub run before any event is read, with the module's error
/// for what went wrong (never the blob client's own exception, which the cmdlet could only call unexpected).
/// </summary>
public sealed class HubCheckpointContainerFailureTests
{
    // The hub is never reached: every failure here comes from the container, which is asked first.
    private static readonly EventHubTarget UnusedHub = EventHubTarget.ForConnectionString(
        "Endpoint=sb://127.0.0.1:1/;SharedAccessKeyName=listen;SharedAccessKey=bm90LWEta2V5;EntityPath=hub", null, null);

    [Fact]
    public async Task An_account_that_cannot_be_reached_is_ConnectionFailed()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        var container = new BlobContainerClient(new Uri($"http://127.0.0.1:{ClosedPort()}/devstoreaccount1/hub-checkpoints"), options);

        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ReadAllAsync(new HubSharedReader(UnusedHub, container)));

        Assert.Equal(ErrorCode.ConnectionFailed, failure.Code);
        Assert.Contains("creating the checkpoint container", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_container_a_SAS_may_not_create_is_NotFound_with_advice_for_a_checkpoint_container()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var missing = azurite.Client().GetBlobContainerClient("no-such-checkpoints");
        var sas = missing.GenerateSasUri(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddHours(1));
        var container = new BlobContainerClient(sas);

        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ReadAllAsync(new HubSharedReader(UnusedHub, container)));

        Assert.Equal(ErrorCode.NotFound, failure.Code);
        Assert.Equal(404, failure.StatusCode);
        Assert.Contains("created beforehand", failure.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("Streaming API exports", failure.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", failure.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task ReadAllAsync(HubSharedReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var _ in reader.ReadAsync(new HubReadQuery(), timeout.Token))
        {
        }
    }

    // A port that was free a moment ago and that nothing listens on now.
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
