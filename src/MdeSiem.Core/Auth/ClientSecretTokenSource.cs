using System.Net.Http;
using System.Security;
using MdeSiem.Core.Http;
using Microsoft.Identity.Client;

namespace MdeSiem.Core.Auth;

/// <summary>Client credentials with a client secret (the SIEM API's documented daemon flow), through MSAL.</summary>
internal static class ClientSecretTokenSource
{
    public static IAccessTokenSource Create(
        string tenantId,
        string clientId,
        SecureString clientSecret,
        ServiceEndpoints endpoints,
        HttpMessageHandler transport)
    {
        var builder = ConfidentialClientApplicationBuilder
            .Create(clientId)
            .WithClientSecret(SecureStringConverter.ToPlainText(clientSecret))
            .WithHttpClientFactory(new MsalHttpClientFactory(transport));
        return new ConfidentialClientTokenSource(MsalAuthority.Configure(builder, endpoints, tenantId).Build());
    }
}
