using System;
using System.Management.Automation;
using MdeSiem.Core.Errors;

namespace MdeSiem;

/// <summary>The one place that turns core failures into ErrorRecords with stable ids and the right category.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(MdeSiemException exception, object? fallbackTarget = null)
    {
        var record = new ErrorRecord(exception, exception.ErrorId, CategoryOf(exception.Code), exception.Target ?? fallbackTarget);
        var details = new ErrorDetails(Describe(exception));
        if (exception.RecommendedAction is not null || exception.RequestId is not null || exception.ClientRequestId is not null)
        {
            details.RecommendedAction = exception.RecommendedAction + RequestIds(exception);
        }

        record.ErrorDetails = details;
        return record;
    }

    /// <summary>The ids to quote to support: the service's request id and the client-request-id the module sent.</summary>
    private static string RequestIds(MdeSiemException exception)
    {
        var ids = new[]
        {
            exception.RequestId is null ? null : $"request id: {exception.RequestId}",
            exception.ClientRequestId is null || exception.ClientRequestId == exception.RequestId ? null : $"client-request-id: {exception.ClientRequestId}",
        };
        var text = string.Join(", ", Array.FindAll(ids, id => id is not null));
        return text.Length == 0 ? string.Empty : $" ({text})";
    }

    public static ErrorRecord NotConnected() => From(new MdeSiemException(
        ErrorCode.NotConnected,
        "You are not connected to a tenant in this session.")
    {
        RecommendedAction = "Run Connect-MdeSiem first.",
    });

    public static ErrorRecord ConnectionNotFound(string name) => From(new MdeSiemException(
        ErrorCode.ConnectionNotFound,
        $"This session has no connection named '{name}'.")
    {
        RecommendedAction = "Run Get-MdeSiemConnection -All to see the connections, or Connect-MdeSiem -Name to add one.",
        Target = name,
    });

    /// <summary>A failure the core did not anticipate: still an ErrorRecord, never a stack trace.</summary>
    public static ErrorRecord Unexpected(Exception exception, object? target) =>
        new(exception, "MdeSiem." + ErrorCode.UnexpectedError, ErrorCategory.NotSpecified, target)
        {
            ErrorDetails = new ErrorDetails("Unexpected failure: " + exception.Message),
        };

    /// <summary>The message with the facts the exception carries as fields: the permission to grant, what was delivered.</summary>
    private static string Describe(MdeSiemException exception)
    {
        var text = exception.Message;
        if (exception.RequiredPermission is not null)
        {
            text += $" This call needs the {exception.PermissionApplication} application permission {exception.RequiredPermission}.";
        }

        if (exception.DeliveredCount is { } delivered)
        {
            text += $" {delivered} complete record(s) were delivered before the failure.";
        }

        return text;
    }

    private static ErrorCategory CategoryOf(ErrorCode code) => code switch
    {
        ErrorCode.NotConnected => ErrorCategory.ConnectionError,
        ErrorCode.AuthenticationFailed or ErrorCode.Unauthorized => ErrorCategory.AuthenticationError,
        ErrorCode.PermissionDenied => ErrorCategory.PermissionDenied,
        ErrorCode.NotFound => ErrorCategory.ObjectNotFound,
        ErrorCode.Throttled or ErrorCode.HuntingResultTruncated => ErrorCategory.LimitsExceeded,
        ErrorCode.Timeout or ErrorCode.ResponseBodyTimeout => ErrorCategory.OperationTimeout,
        ErrorCode.ServiceError or ErrorCode.ConnectionFailed or ErrorCode.SyslogSendFailed => ErrorCategory.ConnectionError,
        ErrorCode.InvalidResponse or ErrorCode.IncompleteResponse => ErrorCategory.InvalidResult,
        ErrorCode.BadRequest or ErrorCode.InvalidArgument => ErrorCategory.InvalidArgument,
        ErrorCode.CertificateCheckNotAllowed => ErrorCategory.SecurityError,
        ErrorCode.CheckpointCorrupt or ErrorCode.CheckpointVersionUnsupported => ErrorCategory.InvalidData,
        ErrorCode.CheckpointMismatch => ErrorCategory.InvalidArgument,
        ErrorCode.CheckpointLocked => ErrorCategory.ResourceBusy,
        ErrorCode.PartialResult or ErrorCode.WindowUnreadable => ErrorCategory.ReadError,
        ErrorCode.InvalidInputRecord => ErrorCategory.InvalidData,
        ErrorCode.TokenExpired or ErrorCode.TokenAudienceMismatch => ErrorCategory.AuthenticationError,
        ErrorCode.TenantNotFound or ErrorCode.CertificateNotFound or ErrorCode.ConnectionNotFound => ErrorCategory.ObjectNotFound,
        ErrorCode.CertificateUnusable => ErrorCategory.InvalidData,
        ErrorCode.SignInDeclined => ErrorCategory.AuthenticationError,
        ErrorCode.BrowserUnavailable => ErrorCategory.ResourceUnavailable,
        ErrorCode.PathNotFound => ErrorCategory.ObjectNotFound,
        ErrorCode.FileUnreadable => ErrorCategory.ReadError,
        ErrorCode.OutFileWriteFailed or ErrorCode.CheckpointWriteFailed => ErrorCategory.WriteError,
        _ => ErrorCategory.NotSpecified,
    };
}
