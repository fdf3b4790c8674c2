using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;

namespace MdeSiem.Core.Http;

/// <summary>Adds a bearer token for the request's resource; the token source refreshes it before it expires.</summary>
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
        if (request.Properties.TryGetValue(RequestOptionKeys.Resource, out var value) && value is string resource)
        {
            var token = await _tokens.GetAccessTokenAsync(resource, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
