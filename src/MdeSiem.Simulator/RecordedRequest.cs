using System;

namespace MdeSiem.Simulator;

/// <summary>
/// One request the simulator answered, for tests to assert what a client sent. Holds no body and no header value
/// that could carry a secret (only the User-Agent and client-request-id, which identify the caller and the request),
/// so no secret or token ever ends up in the log.
/// </summary>
/// <param name="Method">The HTTP method, e.g. GET.</param>
/// <param name="Path">The request path, e.g. /api/alerts.</param>
/// <param name="QueryString">The raw query string including its leading '?', or "" when there is none.</param>
/// <param name="HasAuthorization">Whether an Authorization header was sent.</param>
/// <param name="StatusCode">The status code of the response.</param>
/// <param name="RequestId">The request-id header the simulator answered with.</param>
/// <param name="ReceivedUtc">When the request arrived, by the simulator's clock.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    bool HasAuthorization,
    int StatusCode,
    string RequestId,
    DateTimeOffset ReceivedUtc)
{
    /// <summary>The User-Agent header the client sent, or "" when it sent none.</summary>
    public string UserAgent { get; init; } = "";

    /// <summary>The client-request-id header the client sent, or "" when it sent none.</summary>
    public string ClientRequestId { get; init; } = "";
}
