using System;

namespace MdeSiem.Core.Errors;

/// <summary>
/// The one exception type the core throws for expected failures. The cmdlet layer turns it into an ErrorRecord;
/// its message never contains a secret, and <see cref="Target"/> is a URI without query secrets.
/// </summary>
public sealed class MdeSiemException : Exception
{
    private readonly string? _clientRequestId;

    public MdeSiemException(ErrorCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    public ErrorCode Code { get; }

    /// <summary>The error id written to the error stream, e.g. "MdeSiem.AuthenticationFailed".</summary>
    public string ErrorId => "MdeSiem." + Code;

    /// <summary>What the user should do next, when the core knows.</summary>
    public string? RecommendedAction { get; init; }

    /// <summary>The service's request id, to quote to support.</summary>
    public string? RequestId { get; init; }

    /// <summary>HTTP status when the failure came from a response.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The object the error is about, usually the request URI.</summary>
    public object? Target { get; init; }

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
}
