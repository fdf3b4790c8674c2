using System.Linq;
using System.Net.Http;

namespace MdeSiem.Core.Http;

/// <summary>Reads the headers Microsoft services use to identify a request for support.</summary>
internal static class ResponseHeaders
{
    private static readonly string[] RequestIdHeaders = { "request-id", "client-request-id", "x-ms-request-id" };

    public static string? RequestId(HttpResponseMessage response)
    {
        foreach (var name in RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    /// <summary>The client-request-id of the request: Graph's echo of it, else the one the module sent.</summary>
    public static string? ClientRequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues(ClientHeadersHandler.ClientRequestIdHeader, out var echoed) ? echoed.FirstOrDefault()
        : response.RequestMessage?.Headers.TryGetValues(ClientHeadersHandler.ClientRequestIdHeader, out var sent) == true ? sent.FirstOrDefault()
        : null;
}
