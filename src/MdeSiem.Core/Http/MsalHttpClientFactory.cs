using System.Net.Http;
using Microsoft.Identity.Client;

namespace MdeSiem.Core.Http;

/// <summary>Lets MSAL's token requests use the connection's transport (and so its loopback certificate policy).</summary>
internal sealed class MsalHttpClientFactory : IMsalHttpClientFactory
{
    private readonly HttpClient _client;

    public MsalHttpClientFactory(HttpMessageHandler transport)
    {
        _client = new HttpClient(transport, disposeHandler: false);
    }

    public HttpClient GetHttpClient() => _client;
}
