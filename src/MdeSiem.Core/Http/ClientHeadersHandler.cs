using System;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Http;

/// <summary>
/// Says who is calling: a User-Agent naming the module and its version (and the host, e.g. PowerShell/7.6.9) on
/// every request, and on Microsoft Graph requests a client-request-id, a GUID Graph logs and echoes back, so a
/// failed request can be quoted to support by either id.
/// </summary>
/// <remarks>
/// client-request-id is Graph's optional, caller-generated request identifier
/// (https://learn.microsoft.com/graph/best-practices-concept#reliability-and-support). It is set once per request:
/// a retry of the same request keeps it, as the Graph SDKs do.
/// </remarks>
internal sealed class ClientHeadersHandler : DelegatingHandler
{
    public const string ClientRequestIdHeader = "client-request-id";

    private readonly string _userAgent;

    public ClientHeadersHandler(string? hostProduct, HttpMessageHandler inner)
        : base(inner)
    {
        _userAgent = UserAgentFor(hostProduct);
    }

    /// <summary>"MdeSiem/0.1.0", followed by the host's product token when there is one.</summary>
    public static string UserAgentFor(string? hostProduct)
    {
        var version = typeof(ClientHeadersHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(ClientHeadersHandler).Assembly.GetName().Version?.ToString(3)
            ?? "0";
        // The informational version may end in "+<commit>", which is not part of a product token's version.
        var plus = version.IndexOf('+');
        var product = "MdeSiem/" + (plus >= 0 ? version.Substring(0, plus) : version);
        return string.IsNullOrWhiteSpace(hostProduct) ? product : product + " " + hostProduct;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        }

        if (request.Properties.TryGetValue(RequestOptionKeys.Api, out var api) && api is ApiNames.GraphSecurity
            && !request.Headers.Contains(ClientRequestIdHeader))
        {
            request.Headers.TryAddWithoutValidation(ClientRequestIdHeader, Guid.NewGuid().ToString());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
