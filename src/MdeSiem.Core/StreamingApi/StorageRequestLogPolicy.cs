using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using Azure.Core;
using Azure.Core.Pipeline;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// The module's request log (-Verbose) for calls made through an Azure SDK client (Azure.Storage.Blobs): method,
/// scheme, host and path, status, elapsed time and the service's request id, as <c>RequestLoggingHandler</c> logs
/// the module's own calls. The query string is left out on purpose: a SAS token (sig=...) travels there, and no
/// header is logged (SharedKey and bearer Authorization). Added per retry, so each attempt is one line.
/// </summary>
public sealed class StorageRequestLogPolicy : HttpPipelinePolicy
{
    // Blob Storage's request id header: https://learn.microsoft.com/rest/api/storageservices/common-rest-api-headers
    private const string RequestIdHeader = "x-ms-request-id";

    public static StorageRequestLogPolicy Instance { get; } = new();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var stopwatch = Start(message);
        ProcessNext(message, pipeline);
        Finish(message, stopwatch);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var stopwatch = Start(message);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Finish(message, stopwatch);
    }

    /// <summary>The request's address without its query (where a SAS would be) or user info.</summary>
    public static string Describe(RequestUriBuilder uri)
    {
        if (uri is null)
        {
            throw new ArgumentNullException(nameof(uri));
        }

        var port = uri.Port is -1 or 80 or 443 ? string.Empty : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var path = uri.Path ?? string.Empty;
        return uri.Scheme + "://" + uri.Host + port + (path.StartsWith("/", StringComparison.Ordinal) ? path : "/" + path);
    }

    private static Stopwatch Start(HttpMessage message)
    {
        RequestLog.Write($"{message.Request.Method} {Describe(message.Request.Uri)}");
        return Stopwatch.StartNew();
    }

    private static void Finish(HttpMessage message, Stopwatch stopwatch)
    {
        if (!message.HasResponse)
        {
            return;
        }

        var response = message.Response;
        var requestId = response.Headers.TryGetValue(RequestIdHeader, out var id) ? " (request-id " + id + ")" : string.Empty;
        RequestLog.Write(string.Format(
            CultureInfo.InvariantCulture,
            "{0} {1} -> {2} {3} in {4} ms{5}",
            message.Request.Method,
            Describe(message.Request.Uri),
            response.Status,
            response.ReasonPhrase,
            stopwatch.ElapsedMilliseconds,
            requestId));
    }
}
