using System;

namespace MdeSiem.Core.Errors;

/// <summary>
/// The one exception type the core throws for expected failures. The cmdlet layer turns it into an ErrorRecord;
/// its message never contains a secret, and <see cref="Target"/> is a URI without query secrets. The facts a layer
/// learns on the way up (how many records were delivered, which permission is missing, the request id) are added
/// as fields, never spliced into the message.
/// </summary>
public sealed class MdeSiemException : Exception
{
    private readonly string? _clientRequestId;
    private string? _recommendedAction;
    private string? _requestId;
    private object? _target;

    public MdeSiemException(ErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public ErrorCode Code { get; }

    /// <summary>The error id written to the error stream, e.g. "MdeSiem.AuthenticationFailed".</summary>
    public string ErrorId => "MdeSiem." + Code;

    /// <summary>What the user should do next, when the core knows.</summary>
    public string? RecommendedAction { get => _recommendedAction; init => _recommendedAction = value; }

    /// <summary>The service's request id, to quote to support.</summary>
    public string? RequestId { get => _requestId; init => _requestId = value; }

    /// <summary>HTTP status when the failure came from a response.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The object the error is about, usually the request URI.</summary>
    public object? Target { get => _target; init => _target = value; }

    /// <summary>
    /// The client-request-id the module sent with the failed request (Graph echoes it), to quote beside
    /// <see cref="RequestId"/>; a failure that wraps another keeps the inner one's.
    /// </summary>
    public string? ClientRequestId
    {
        get => _clientRequestId ?? (InnerException as MdeSiemException)?.ClientRequestId;
        init => _clientRequestId = value;
    }

    /// <summary>The audience (aud claim) of a ready token the service refused (TokenAudienceMismatch).</summary>
    public string? TokenAudience { get; init; }

    /// <summary>The audience the API called needs (TokenAudienceMismatch).</summary>
    public string? RequiredAudience { get; init; }

    /// <summary>When a pull failed part-way: the records it delivered before the failure (all complete).</summary>
    public long? DeliveredCount { get; private set; }

    /// <summary>On a 403: the application permission the call needs, e.g. SecurityAlert.Read.All.</summary>
    public string? RequiredPermission { get; private set; }

    /// <summary>On a 403: the application that grants <see cref="RequiredPermission"/>, e.g. Microsoft Graph.</summary>
    public string? PermissionApplication { get; private set; }

    /// <summary>The facts of the request that failed, where the layer that threw did not know them.</summary>
    internal MdeSiemException AddRequestContext(string? requestId, object? target)
    {
        _requestId ??= requestId;
        _target ??= target;
        return this;
    }

    /// <summary>How many records the pull delivered before this failure; the first layer that knows sets it.</summary>
    internal MdeSiemException AddDeliveredCount(long delivered)
    {
        DeliveredCount ??= delivered;
        return this;
    }

    internal void RequirePermission(string application, string permission, string consentPlace)
    {
        PermissionApplication = application;
        RequiredPermission = permission;
        _recommendedAction = $"Grant the app registration the {application} application permission {permission}{consentPlace} with admin consent, then run Connect-MdeSiem again.";
    }
}
