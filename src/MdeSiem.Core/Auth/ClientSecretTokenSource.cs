using System;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;
using Microsoft.Identity.Client;

namespace MdeSiem.Core.Auth;

/// <summary>
/// Client credentials with a client secret (the SIEM API's documented daemon flow), through MSAL. MSAL keeps the
/// token in its in-memory cache and requests a new one shortly before it expires, so long pulls never see a 401
/// for an expired token.
/// </summary>
public sealed class ClientSecretTokenSource : IAccessTokenSource
{
    private readonly IConfidentialClientApplication _application;

    public ClientSecretTokenSource(
        string tenantId,
        string clientId,
        SecureString clientSecret,
        ServiceEndpoints endpoints,
        HttpMessageHandler transport)
    {
        if (endpoints is null)
        {
            throw new ArgumentNullException(nameof(endpoints));
        }

        var authority = new Uri(endpoints.AuthorityHost, Uri.EscapeDataString(tenantId));
        var builder = ConfidentialClientApplicationBuilder
            .Create(clientId)
            .WithClientSecret(SecureStringConverter.ToPlainText(clientSecret))
            .WithAuthority(authority.AbsoluteUri, validateAuthority: !endpoints.IsCustom)
            .WithHttpClientFactory(new MsalHttpClientFactory(transport));

        if (endpoints.IsCustom)
        {
            // A custom host is not in Microsoft's instance metadata; asking for it would leave the machine.
            builder = builder.WithInstanceDiscovery(false);
        }

        _application = builder.Build();
    }

    public async Task<string> GetAccessTokenAsync(string resource, bool forceRefresh, CancellationToken cancellationToken)
    {
        var scope = resource.TrimEnd('/') + "/.default";
        try
        {
            var result = await _application
                .AcquireTokenForClient(new[] { scope })
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken)
                .ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalException exception)
        {
            throw MsalFailureTranslator.Translate(exception);
        }
    }
}
