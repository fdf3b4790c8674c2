using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.OData;

/// <summary>Reads a Graph response holding one entity (collection pages are streamed by ODataPageStreamReader).</summary>
internal static class ODataEntityReader
{
    public static async Task<T> ReadEntityAsync<T>(HttpResponseMessage response, Uri uri, Func<JsonElement, T> bind, CancellationToken cancellationToken)
    {
        using var document = await ParseAsync(response, uri, cancellationToken).ConfigureAwait(false);
        try
        {
            return bind(document.RootElement);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException)
        {
            // Found by fuzzing: a string that is not valid UTF-8 or UTF-16 (a lone surrogate escape) parses as JSON
            // but fails when the binder reads it. As on the streamed pages, that is a response the module cannot use.
            throw InvalidJson(exception, uri);
        }
    }

    private static MdeSiemException InvalidJson(Exception exception, Uri uri) =>
        new(ErrorCode.InvalidResponse, "The response is not valid JSON: " + exception.Message, exception)
        {
            RecommendedAction = "Run the command again; if it persists, quote the request id shown with -Verbose.",
            Target = uri,
        };

    private static async Task<JsonDocument> ParseAsync(HttpResponseMessage response, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            return await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            // As in JsonArrayStreamReader: InvalidOperationException is a string that is not UTF-8, FormatException a
            // value the reader rejects; both mean the body is not the documented JSON.
            throw InvalidJson(exception, uri);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is IOException or HttpRequestException)
        {
            throw HttpFailureTranslator.FromBrokenBody(exception, uri);
        }
    }
}
