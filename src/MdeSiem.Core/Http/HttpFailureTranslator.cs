using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Http;

/// <summary>The one place where an unsuccessful HTTP response or a transport failure becomes an error code.</summary>
internal static class HttpFailureTranslator
{
    // Error bodies are small; never buffer more than this of one, whatever the server sends.
    private const int MaxErrorBodyBytes = 16 * 1024;

    public static async Task<MdeSiemException> FromResponseAsync(HttpResponseMessage response, Uri target, CancellationToken cancellationToken)
    {
        var serviceMessage = await ReadServiceMessageAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var (code, action) = Classify(status);
        var message = $"The service answered {status} ({response.ReasonPhrase})"
            + (string.IsNullOrWhiteSpace(serviceMessage) ? "." : ": " + serviceMessage);
        return new MdeSiemException(code, message)
        {
            StatusCode = status,
            RequestId = ResponseHeaders.RequestId(response),
            ClientRequestId = ResponseHeaders.ClientRequestId(response),
            RecommendedAction = action,
            Target = RedactQuery(target),
        };
    }

    public static MdeSiemException FromTransport(Exception exception, Uri target, bool timedOut)
    {
        var code = timedOut ? ErrorCode.Timeout : ErrorCode.ConnectionFailed;
        var inner = exception.InnerException?.Message;
        var message = timedOut
            ? $"The request to {target.Host} timed out."
            : $"Could not reach {target.Host}: {exception.Message}" + (inner is null ? string.Empty : " " + inner);
        return new MdeSiemException(code, message, exception)
        {
            RecommendedAction = "Check the network path (proxy, firewall, DNS) to the service and try again.",
            Target = RedactQuery(target),
        };
    }

    /// <summary>The body stopped arriving after the headers said 200: what came before it was complete.</summary>
    public static MdeSiemException FromBrokenBody(Exception exception, Uri target) =>
        new(ErrorCode.IncompleteResponse, $"The response from {target.Host} broke off: {exception.Message}", exception)
        {
            RecommendedAction = "Run the pull again; records already written were complete.",
            Target = RedactQuery(target),
        };

    /// <summary>The body sent nothing for the idle timeout while it was read: a stalled server or network path.</summary>
    public static MdeSiemException FromStalledBody(Exception exception, Uri target, TimeSpan idleTimeout) =>
        new(
            ErrorCode.ResponseBodyTimeout,
            string.Format(System.Globalization.CultureInfo.InvariantCulture, "The response from {0} sent nothing for {1:0.#} s while it was being read.", target.Host, idleTimeout.TotalSeconds),
            exception)
        {
            RecommendedAction = "Run the pull again; records already written were complete. If the service is slow rather than stuck, raise Connect-MdeSiem -BodyTimeoutSec.",
            Target = RedactQuery(target),
        };

    /// <summary>Query strings are kept: none of the module's APIs carry secrets in them, but a user-supplied URI may.</summary>
    public static Uri RedactQuery(Uri uri)
    {
        return string.IsNullOrEmpty(uri.UserInfo) ? uri : new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
    }

    private static (ErrorCode Code, string Action) Classify(int status)
    {
        return status switch
        {
            400 => (ErrorCode.BadRequest, "Check the parameter values; the service explains what it rejected."),
            401 => (ErrorCode.Unauthorized, "The token was refused: run Connect-MdeSiem again, and check that the app registration has the API permission and admin consent."),
            403 => (ErrorCode.PermissionDenied, "The tenant or app is not allowed this data: check the app's API permissions, that SIEM integration is enabled, and that the tenant is active."),
            404 => (ErrorCode.NotFound, "Check the id or the region of the connection."),
            429 => (ErrorCode.Throttled, "The service is throttling this app; wait and retry with a narrower time window."),
            (int)HttpStatusCode.RequestTimeout or 504 => (ErrorCode.Timeout, "Try again with a narrower time window."),
            >= 500 => (ErrorCode.ServiceError, "The service failed; try again later and quote the request id if it persists."),
            _ => (ErrorCode.InvalidResponse, "The service answered in an unexpected way; quote the request id if it persists."),
        };
    }

    private static async Task<string?> ReadServiceMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return null;
        }

        byte[] buffer;
        int length;
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            buffer = new byte[MaxErrorBodyBytes];
            length = 0;
            int read;
            while (length < buffer.Length
                && (read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return null;
        }

        return ExtractMessage(new ReadOnlyMemory<byte>(buffer, 0, length));
    }

    /// <summary>Finds the human sentence in the error shapes Microsoft services use; falls back to the raw text.</summary>
    internal static string? ExtractMessage(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("error", out var error))
                {
                    if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var nested))
                    {
                        return nested.ToString();
                    }

                    if (root.TryGetProperty("error_description", out var description))
                    {
                        return description.ToString();
                    }

                    return error.ToString();
                }

                if (root.TryGetProperty("message", out var message))
                {
                    return message.ToString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: a proxy's HTML page or plain text; show its start.
        }

        var text = Encoding.UTF8.GetString(body.ToArray()).Trim();
        return text.Length > 300 ? text.Substring(0, 300) + "..." : text;
    }
}
