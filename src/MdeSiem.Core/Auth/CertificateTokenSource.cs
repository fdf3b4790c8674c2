using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using MdeSiem.Core.Http;
using Microsoft.Identity.Client;

namespace MdeSiem.Core.Auth;

/// <summary>
/// Client credentials with a certificate: MSAL signs a client assertion (a JWT) with the private key and sends
/// the certificate's thumbprint; the key itself never leaves the machine.
/// </summary>
internal static class CertificateTokenSource
{
    public static IAccessTokenSource Create(
        string tenantId,
        string clientId,
        X509Certificate2 certificate,
        ServiceEndpoints endpoints,
        HttpMessageHandler transport)
    {
        var builder = ConfidentialClientApplicationBuilder
            .Create(clientId)
            .WithCertificate(certificate)
            .WithHttpClientFactory(new MsalHttpClientFactory(transport));
        return new ConfidentialClientTokenSource(MsalAuthority.Configure(builder, endpoints, tenantId).Build());
    }
}
