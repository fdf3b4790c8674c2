using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Http;

/// <summary>Sends one request for a resource and returns the response once its headers are in, or throws a mapped error.</summary>
internal static class ServiceCaller
{
    public static Task<HttpResponseMessage> GetAsync(HttpClient http, Uri uri, string resource, string api, CancellationToken cancellationToken) =>
        SendAsync(http, HttpMethod.Get, uri, null, resource, api, cancellationToken);

    /// <summary>
    /// Any method; a JSON body is sent as reusable content so that the retry handler can resend it. <paramref name="idempotent"/>
    /// marks a request whose method alone does not say (see <see cref="RequestOptionKeys.Idempotent"/>).
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, Uri uri, string? jsonBody, string resource, string api, CancellationToken cancellationToken, bool? idempotent = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Properties[RequestOptionKeys.Resource] = resource;
        request.Properties[RequestOptionKeys.Api] = api;
        if (idempotent is { } marked)
        {
            request.Properties[RequestOptionKeys.Idempotent] = marked;
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, System.Text.Encoding.UTF8, "application/json");
        }

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
