namespace MdeSiem.Core.Errors;

/// <summary>
/// Every failure the module reports. The error id a user sees is "MdeSiem." + the member name, so members are
/// never renamed: scripts and tests match on them.
/// </summary>
public enum ErrorCode
{
    /// <summary>No connection in this runspace: run Connect-MdeSiem first.</summary>
    NotConnected,

    /// <summary>The identity platform refused the credentials (wrong secret, client or tenant).</summary>
    AuthenticationFailed,

    /// <summary>The service rejected the access token (HTTP 401).</summary>
    Unauthorized,

    /// <summary>The service refused access to the tenant or resource (HTTP 403).</summary>
    PermissionDenied,

    /// <summary>The resource does not exist (HTTP 404).</summary>
    NotFound,

    /// <summary>The service throttled the caller (HTTP 429) and retries were exhausted.</summary>
    Throttled,

    /// <summary>The service failed (HTTP 5xx) and retries were exhausted.</summary>
    ServiceError,

    /// <summary>The service could not be reached (DNS, TCP, TLS).</summary>
    ConnectionFailed,

    /// <summary>The request did not complete in time.</summary>
    Timeout,

    /// <summary>The service answered with something that is not the documented JSON.</summary>
    InvalidResponse,

    /// <summary>The response broke off before it was complete (connection reset, body cut short).</summary>
    IncompleteResponse,

    /// <summary>The service rejected the request as malformed (HTTP 400).</summary>
    BadRequest,

    /// <summary>A parameter value or combination is not valid; nothing was sent.</summary>
    InvalidArgument,

    /// <summary>A certificate check was asked to be skipped for a host that is not loopback.</summary>
    CertificateCheckNotAllowed,

    /// <summary>A checkpoint file cannot be read as a checkpoint (damaged, truncated, not JSON).</summary>
    CheckpointCorrupt,

    /// <summary>A checkpoint file belongs to another API, tenant or query than the pull using it.</summary>
    CheckpointMismatch,

    /// <summary>A checkpoint file was written by a newer version of the module.</summary>
    CheckpointVersionUnsupported,

    /// <summary>Another run holds the checkpoint's lock.</summary>
    CheckpointLocked,

    /// <summary>A syslog message could not be delivered to the collector (connection refused, reset, too large).</summary>
    SyslogSendFailed,

    /// <summary>An input record (e.g. a row of an old SIEM export) has a value that cannot be read as its field's type.</summary>
    InvalidInputRecord,

    /// <summary>A ready access token (-AccessToken) expired or was refused; it cannot be refreshed.</summary>
    TokenExpired,

    /// <summary>The tenant named does not exist in the cloud signed in to (AADSTS90002).</summary>
    TenantNotFound,

    /// <summary>No certificate with the thumbprint in the certificate stores, or no file at the path.</summary>
    CertificateNotFound,

    /// <summary>The certificate could not be read (wrong password, not a certificate) or has no private key.</summary>
    CertificateUnusable,

    /// <summary>The connection name given to -Connection is not a connection of this session.</summary>
    ConnectionNotFound,

    /// <summary>The user declined or cancelled an interactive sign-in (access_denied from the browser).</summary>
    SignInDeclined,

    /// <summary>No system browser could be started for -Interactive (no xdg-open or similar, or run under sudo).</summary>
    BrowserUnavailable,

    /// <summary>Graph answered 206: a provider behind it failed, so part of the data is missing from the answer.</summary>
    PartialResult,

    /// <summary>A part of a pull's time window could not be read even after splitting it; the rest was delivered.</summary>
    WindowUnreadable,

    /// <summary>
    /// A response's body stopped arriving for longer than the connection's body timeout (Connect-MdeSiem
    /// -BodyTimeoutSec) while it was being read.
    /// </summary>
    ResponseBodyTimeout,

    /// <summary>A path given to scan (Find-MdeSiemRetiredApi -Path) does not exist.</summary>
    PathNotFound,

    /// <summary>A file could not be read (no permission, locked, removed while scanning); the other files are scanned.</summary>
    FileUnreadable,

    /// <summary>
    /// An -OutFile file could not be written (disk full, no permission); the checkpoint was not moved past what
    /// reached the file.
    /// </summary>
    OutFileWriteFailed,

    /// <summary>
    /// A checkpoint, or the list of keys a run keeps beside it, could not be written (disk full, no permission); the
    /// watermark did not move, so nothing is lost (records of the run may be delivered again).
    /// </summary>
    CheckpointWriteFailed,

    /// <summary>
    /// A hunting query's result reached the row limit, so the service may have cut it: rows may be missing. Run it
    /// over shorter windows (-SplitBy) or narrow it.
    /// </summary>
    HuntingResultTruncated,
    /// <summary>
    /// A ready access token (-AccessToken) was refused by an API whose audience it does not carry (e.g. a
    /// graph.windows.net token sent to Microsoft Graph); the error names both audiences.
    /// </summary>
    TokenAudienceMismatch,
    /// <summary>A failure the module did not anticipate (a defect or an unusual platform error); never a stack trace.</summary>
    UnexpectedError,
}
