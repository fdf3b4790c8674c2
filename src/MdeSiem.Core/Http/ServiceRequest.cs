using System;
using System.Net.Http;

namespace MdeSiem.Core.Http;

/// <summary>
/// One request as the module describes it, whatever the API: where it goes (<see cref="ServiceApi"/>), the
/// permission a 403 should name, the JSON body, and whether sending it twice is harmless.
/// </summary>
internal sealed class ServiceRequest
{
    public ServiceRequest(ServiceApi api, HttpMethod method, Uri uri, string? permission = null, string? jsonBody = null)
    {
        Api = api ?? throw new ArgumentNullException(nameof(api));
        Method = method ?? throw new ArgumentNullException(nameof(method));
        Uri = uri ?? throw new ArgumentNullException(nameof(uri));
        Permission = permission;
        JsonBody = jsonBody;
    }

    public ServiceApi Api { get; }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    /// <summary>The application permission the call needs, named when the service answers 403.</summary>
    public string? Permission { get; }

    public string? JsonBody { get; }

    /// <summary>
    /// Whether the retry handler may send the request again after a failure that may have reached the service.
    /// Unset: GET, PUT, DELETE and PATCH are (they set a state), POST is not (it adds something).
    /// </summary>
    public bool? Idempotent { get; init; }

    public bool IsIdempotent => Idempotent ?? Method != HttpMethod.Post;

    public static ServiceRequest Get(ServiceApi api, Uri uri, string? permission) => new(api, HttpMethod.Get, uri, permission);
}
