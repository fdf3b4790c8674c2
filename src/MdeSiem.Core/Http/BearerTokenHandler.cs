using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;

namespace MdeSiem.Core.Http;

/// <summary>
/// Adds a bearer token for the request's resource; the token source refreshes it before it expires. When the
/// service still answers 401 (token revoked, clock skew), it gets a fresh token and tries once more.
/// </summary>
internal sealed class BearerTokenHandler : DelegatingHandler
{
    private readonly IAccessTokenSource _tokens;

    public BearerTokenHandler(IAccessTokenSource tokens, HttpMessageHandler inner)
        : base(inner)
    {
        _tokens = tokens;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Properties.TryGetValue(RequestOptionKeys.Resource, out var value) || value is not string resource)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        await Authorize(request, resource, forceRefresh: false, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        RequestLog.Write("The service refused the token (401); signing in again and retrying once.");
        await Authorize(request, resource, forceRefresh: true, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task Authorize(HttpRequestMessage request, string resource, bool forceRefresh, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetAccessTokenAsync(resource, forceRefresh, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
