using System;
using System.Net.Http;
using Azure;
using MdeSiem.Core.Errors;
using MdeSiem.Core.StreamingApi;
using Xunit;

namespace MdeSiem.Tests.StreamingApi;

/// <summary>
/// The storage failures' errors: the advice fits the use (reading the Streaming API's export, or a hub's checkpoint
/// container, which is also written), the client's retries are looked through, and no message quotes the client's.
/// </summary>
public sealed class StorageFailureTranslatorTests
{
    private const string SignedUrl = "https://account.blob.core.windows.net/c?sv=2024-08-04&sig=c2VjcmV0LXNpZ25hdHVyZQ%3D%3D";

    [Fact]
    public void A_refusal_asks_for_write_rights_on_a_checkpoint_container_and_read_rights_on_the_export()
    {
        var refused = new RequestFailedException(403, "This request is not authorized " + SignedUrl, "AuthorizationPermissionMismatch", null);

        var checkpoints = StorageFailureTranslator.Translate(refused, "reading the checkpoint container", StorageUse.CheckpointContainer);
        var export = StorageFailureTranslator.Translate(refused, "listing the export");

        Assert.Equal(ErrorCode.PermissionDenied, checkpoints.Code);
        Assert.Contains("Storage Blob Data Contributor", checkpoints.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("write", checkpoints.RecommendedAction, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.PermissionDenied, export.Code);
        Assert.Contains("Storage Blob Data Reader", export.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_container_is_advised_on_for_what_it_is()
    {
        var missing = new RequestFailedException(404, "The specified container does not exist.", "ContainerNotFound", null);

        var checkpoints = StorageFailureTranslator.Translate(missing, "reading the checkpoint container", StorageUse.CheckpointContainer);
        var export = StorageFailureTranslator.Translate(missing, "listing the export");

        Assert.Equal(ErrorCode.NotFound, checkpoints.Code);
        Assert.Contains("container's name", checkpoints.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain("Streaming API", checkpoints.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("Streaming API", export.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void The_retries_of_an_unreachable_account_are_ConnectionFailed_without_the_clients_text()
    {
        // What the blob client throws when every attempt failed: its retries' failures, the last one the latest.
        var retries = new AggregateException(
            "Retry failed after 2 tries. " + SignedUrl,
            new RequestFailedException(0, "Connection refused " + SignedUrl, new HttpRequestException("Connection refused")),
            new RequestFailedException(0, "Connection refused " + SignedUrl, new HttpRequestException("Connection refused")));

        var error = StorageFailureTranslator.Translate(retries, "creating the checkpoint container", StorageUse.CheckpointContainer);

        Assert.Equal(ErrorCode.ConnectionFailed, error.Code);
        Assert.Contains("creating the checkpoint container", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }
}
