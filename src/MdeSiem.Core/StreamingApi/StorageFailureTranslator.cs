using System;
using System.IO;
using System.Net.Http;
using Azure;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// Turns the blob client's failures into MdeSiemExceptions with the module's error ids. Messages are written here
/// from the status and the service's error code only: the client's own message can quote request URIs, and a SAS
/// signature must never reach an error record.
/// </summary>
internal static class StorageFailureTranslator
{
    /// <param name="exception">What the blob client (or the credential it asked) threw.</param>
    /// <param name="what">What the module was doing, for the message ("while ...").</param>
    /// <param name="use">Which kind of storage use failed: the advice for a refusal or a missing container differs.</param>
    public static MdeSiemException Translate(Exception exception, string what, StorageUse use = StorageUse.StreamExport)
    {
        if (exception is AggregateException aggregate && aggregate.InnerExceptions.Count > 0)
        {
            // The client's retry policy gives up with every attempt's failure: the last one says the most.
            exception = aggregate.InnerExceptions[aggregate.InnerExceptions.Count - 1];
        }

        switch (exception)
        {
            case MdeSiemException known:
                return known;
            case RequestFailedException failed:
                return FromStatus(failed, what, use);
            case HttpRequestException or IOException:
                return new MdeSiemException(ErrorCode.ConnectionFailed, $"The storage account could not be reached while {what}.")
                {
                    RecommendedAction = "Check the account name or URI, the network path to it, and its firewall.",
                };
            case TimeoutException or OperationCanceledException:
                return new MdeSiemException(ErrorCode.Timeout, $"The storage account did not answer in time while {what}.");
            case FormatException or ArgumentException:
                return new MdeSiemException(ErrorCode.InvalidArgument, $"The storage settings are not valid ({exception.GetType().Name}) while {what}.")
                {
                    RecommendedAction = "Check -ConnectionString, -SasUri or -BlobServiceUri.",
                };
            default:
                return new MdeSiemException(ErrorCode.ServiceError, $"Reading the storage account failed ({exception.GetType().Name}) while {what}.");
        }
    }

    private static MdeSiemException FromStatus(RequestFailedException failed, string what, StorageUse use)
    {
        var service = string.IsNullOrEmpty(failed.ErrorCode) ? string.Empty : $" ({failed.ErrorCode})";
        var requestId = failed.GetRawResponse()?.ClientRequestId;
        var message = $"The storage service answered {failed.Status}{service} while {what}.";
        return failed.Status switch
        {
            0 => new MdeSiemException(ErrorCode.ConnectionFailed, $"The storage account could not be reached while {what}.")
            {
                RecommendedAction = "Check the account name or URI, the network path to it, and its firewall.",
            },
            401 => new MdeSiemException(ErrorCode.Unauthorized, message) { StatusCode = 401, RequestId = requestId },
            403 => new MdeSiemException(ErrorCode.PermissionDenied, message)
            {
                StatusCode = 403,
                RequestId = requestId,
                RecommendedAction = use == StorageUse.CheckpointContainer
                    ? "The checkpoint container is read and written: give the identity the 'Storage Blob Data Contributor' role on the account or container, or use a SAS with read, write and list permissions that has not expired."
                    : "Give the identity the 'Storage Blob Data Reader' role on the account, or use a SAS with read and list permissions that has not expired.",
            },
            404 => new MdeSiemException(ErrorCode.NotFound, message)
            {
                StatusCode = 404,
                RequestId = requestId,
                RecommendedAction = use == StorageUse.CheckpointContainer
                    ? "Check the container's name and account; a container the identity may not create must be created beforehand."
                    : "Check that the Streaming API exports this table to this storage account (Settings > Microsoft Defender XDR > Streaming API).",
            },
            400 or 416 => new MdeSiemException(ErrorCode.BadRequest, message) { StatusCode = failed.Status, RequestId = requestId },
            429 or 503 => new MdeSiemException(ErrorCode.Throttled, message) { StatusCode = failed.Status, RequestId = requestId },
            _ => new MdeSiemException(ErrorCode.ServiceError, message) { StatusCode = failed.Status, RequestId = requestId },
        };
    }
}
