using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Http;

/// <summary>
/// Logs method, URI, status, elapsed time and the service's request id of every call. It never logs headers or
/// bodies: the Authorization header and token requests carry secrets.
/// </summary>
internal sealed class RequestLoggingHandler : DelegatingHandler
{
    public RequestLoggingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        RequestLog.Write($"{request.Method} {request.RequestUri}");
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var requestId = ResponseHeaders.RequestId(response);
        RequestLog.Write(string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1} -> {2} {3} in {4} ms{5}",
            request.Method,
            request.RequestUri,
            (int)response.StatusCode,
            response.ReasonPhrase,
            stopwatch.ElapsedMilliseconds,
            requestId is null ? string.Empty : " (request-id " + requestId + ")"));
        return response;
    }
}
