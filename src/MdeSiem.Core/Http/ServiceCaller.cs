using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Http;

/// <summary>
/// The one request path: sends a <see cref="ServiceRequest"/> through the connection's handler chain (call budget,
/// retry with Retry-After, bearer token for the request's audience, logging) and returns the response once its
/// headers are in, or throws a mapped error; a 403 carries the permission the call needs.
/// </summary>
internal static class ServiceCaller
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, ServiceRequest request, CancellationToken cancellationToken)
    {
        // HttpClient may send a request object once only: the retry handler resends it, so the content must be
        // reusable; StringContent is.
        using var message = new HttpRequestMessage(request.Method, request.Uri);
        message.Properties[RequestOptionKeys.Resource] = request.Api.Audience;
        message.Properties[RequestOptionKeys.Api] = request.Api.Budget;
        message.Properties[RequestOptionKeys.Idempotent] = request.IsIdempotent;
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var header in request.Api.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.JsonBody is not null)
        {
            message.Content = new StringContent(request.JsonBody, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            // Headers only: the body is parsed from the stream as it arrives.
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw HttpFailureTranslator.FromTransport(exception, request.Uri, timedOut: false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw HttpFailureTranslator.FromTransport(exception, request.Uri, timedOut: true);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var failure = await HttpFailureTranslator.FromResponseAsync(response, request.Uri, cancellationToken).ConfigureAwait(false);
            if (failure.Code == ErrorCode.PermissionDenied && request.Permission is not null && request.Api.Application is { } application)
            {
                failure.RequirePermission(application, request.Permission, request.Api.ConsentPlace);
            }

            throw failure;
        }
    }
}
