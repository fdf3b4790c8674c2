using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Sends one Microsoft Graph request through the connection's handler chain (retry with Retry-After, bearer token
/// for the Graph audience, logging) and maps failures; a 403 names the application permission the call needs.
/// </summary>
internal static class GraphRequestSender
{
    // Graph sends enum members added after v1.0 was published only when asked; the models keep them as text.
    private const string PreferUnknownEnumMembers = "include-unknown-enum-members";

    public static async Task<HttpResponseMessage> SendAsync(
        MdeSiemConnection connection,
        HttpMethod method,
        Uri uri,
        string? jsonBody,
        string permission,
        CancellationToken cancellationToken,
        bool? idempotent = null)
    {
        // HttpClient may send a request object once only: the retry handler resends it, so the content must be
        // reusable; StringContent is.
        using var request = new HttpRequestMessage(method, uri);
        request.Properties[RequestOptionKeys.Resource] = connection.Endpoints.GraphAudience;
        request.Properties[RequestOptionKeys.Api] = ApiNames.GraphSecurity;
        if (idempotent is { } marked)
        {
            request.Properties[RequestOptionKeys.Idempotent] = marked;
        }
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("Prefer", PreferUnknownEnumMembers);
        if (jsonBody is not null)
        {
            request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await connection.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw HttpFailureTranslator.FromTransport(exception, uri, timedOut: false);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw HttpFailureTranslator.FromTransport(exception, uri, timedOut: true);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var failure = await HttpFailureTranslator.FromResponseAsync(response, uri, cancellationToken).ConfigureAwait(false);
            throw failure.Code == ErrorCode.PermissionDenied ? NamePermission(failure, permission) : failure;
        }
    }

    private static MdeSiemException NamePermission(MdeSiemException failure, string permission) =>
        new(failure.Code, $"{failure.Message} This call needs the Microsoft Graph application permission {permission}.", failure)
        {
            StatusCode = failure.StatusCode,
            RequestId = failure.RequestId,
            Target = failure.Target,
            RecommendedAction = $"Grant the app registration the Microsoft Graph application permission {permission} with admin consent, then run Connect-MdeSiem again.",
        };
}
