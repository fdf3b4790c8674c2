using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MdeSiem.Core.Http;

/// <summary>
/// Builds the innermost HTTP handler. Skipping the certificate check exists for the simulated tenant's self-signed
/// certificate: it is accepted only for loopback hosts, checked again on every request.
/// </summary>
internal static class TransportFactory
{
    public static HttpMessageHandler Create(bool skipCertificateCheckForLoopback)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
        };

        if (skipCertificateCheckForLoopback)
        {
            handler.ServerCertificateCustomValidationCallback = AcceptLoopbackOrValid;
        }

        return handler;
    }

    private static bool AcceptLoopbackOrValid(
        HttpRequestMessage request,
        X509Certificate2? certificate,
        X509Chain? chain,
        SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        return request.RequestUri is { } uri && IsLoopback(uri);
    }

    public static bool IsLoopback(Uri uri)
    {
        return uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase);
    }
}
