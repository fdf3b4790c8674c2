using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Http;

/// <summary>Sends one GET for a resource and returns the response once its headers are in, or throws a mapped error.</summary>
internal static class ServiceCaller
{
    public static async Task<HttpResponseMessage> GetAsync(HttpClient http, Uri uri, string resource, string api, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Properties[RequestOptionKeys.Resource] = resource;
        request.Properties[RequestOptionKeys.Api] = api;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            // Headers only: the body is parsed from the stream as it arrives.
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw HttpFailureTranslator.FromTransport(exception, uri, timedOut: false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw HttpFailureTranslator.FromTransport(exception, uri, timedOut: true);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await HttpFailureTranslator.FromResponseAsync(response, uri, cancellationToken).ConfigureAwait(false);
            }
        }

        return response;
    }
}
