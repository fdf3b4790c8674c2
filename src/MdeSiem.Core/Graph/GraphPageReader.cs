using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Reads Graph responses: a collection page ({"value":[...],"@odata.nextLink":...}) or one entity. A page is at
/// most the service's $top maximum (2,000 alerts), so it is parsed as one document; the caller's memory is bounded
/// by the page, not by the pull.
/// </summary>
internal static class GraphPageReader
{
    public static async Task<GraphPage<T>> ReadPageAsync<T>(HttpResponseMessage response, Uri uri, Func<JsonElement, T> bind, CancellationToken cancellationToken)
    {
        using var document = await ParseAsync(response, uri, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            throw new MdeSiemException(ErrorCode.InvalidResponse, "The Microsoft Graph response has no 'value' array.")
            {
                RecommendedAction = "Check that the endpoint is Microsoft Graph; a proxy may have answered instead.",
                Target = uri,
            };
        }

        var items = new List<T>(value.GetArrayLength());
        foreach (var element in value.EnumerateArray())
        {
            items.Add(bind(element));
        }

        var nextLink = root.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
        return new GraphPage<T>(items, nextLink);
    }

    public static async Task<T> ReadEntityAsync<T>(HttpResponseMessage response, Uri uri, Func<JsonElement, T> bind, CancellationToken cancellationToken)
    {
        using var document = await ParseAsync(response, uri, cancellationToken).ConfigureAwait(false);
        return bind(document.RootElement);
    }

    private static async Task<JsonDocument> ParseAsync(HttpResponseMessage response, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            return await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            throw new MdeSiemException(ErrorCode.InvalidResponse, "The Microsoft Graph response is not valid JSON: " + exception.Message, exception)
            {
                RecommendedAction = "Run the command again; if it persists, quote the request id shown with -Verbose.",
                Target = uri,
            };
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is IOException or HttpRequestException)
        {
            throw HttpFailureTranslator.FromBrokenBody(exception, uri);
        }
    }
}
