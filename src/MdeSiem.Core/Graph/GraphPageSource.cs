using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.Graph;

/// <summary>Requests one collection page and streams its items as they are parsed from the response body.</summary>
internal static class GraphPageSource
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        MdeSiemConnection connection,
        Uri uri,
        string permission,
        Func<JsonElement, T> bind,
        GraphPageLinks links,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in ReadAsync(connection, uri, permission, bind, links, onPartial: null, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    /// <param name="onPartial">Told when the answer is a 206 (a provider failed); the page's items still follow.</param>
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        MdeSiemConnection connection,
        Uri uri,
        string permission,
        Func<JsonElement, T> bind,
        GraphPageLinks links,
        Action<MdeSiemException>? onPartial,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await GraphRequestSender.SendAsync(connection, HttpMethod.Get, uri, null, permission, cancellationToken).ConfigureAwait(false);
        if (GraphPartialContent.IsPartial(response))
        {
            onPartial?.Invoke(GraphPartialContent.ToError(response, uri));
        }

        // Some stacks ignore cancellation inside a body read; closing the response always ends it.
        using var abortOnCancel = cancellationToken.Register(response.Dispose);
        using var body = new IdleTimeoutReadStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), connection.BodyTimeout, response.Dispose, uri);
        var items = GraphPageStreamReader.ReadAsync(body, bind, links, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var deliveredFromPage = 0;
        try
        {
            while (true)
            {
                bool hasNext;
                try
                {
                    hasNext = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is IOException or HttpRequestException or ObjectDisposedException)
                {
                    throw WithPageCount(HttpFailureTranslator.FromBrokenBody(exception, uri), deliveredFromPage, response, uri);
                }
                catch (MdeSiemException exception)
                {
                    throw WithPageCount(exception, deliveredFromPage, response, uri);
                }

                if (!hasNext)
                {
                    yield break;
                }

                deliveredFromPage++;
                yield return items.Current;
            }
        }
        finally
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Adds where the page broke: the items of this page already delivered (earlier pages were complete), the
    /// request id and the page's URI, so a scheduled run's log tells what came through.
    /// </summary>
    private static MdeSiemException WithPageCount(MdeSiemException exception, int deliveredFromPage, HttpResponseMessage response, Uri uri) =>
        new(
            exception.Code,
            $"{exception.Message} {deliveredFromPage} item(s) of this page were delivered before the failure; earlier pages were complete.",
            exception.InnerException ?? exception)
        {
            RecommendedAction = exception.RecommendedAction,
            RequestId = exception.RequestId ?? ResponseHeaders.RequestId(response),
            StatusCode = exception.StatusCode,
            Target = exception.Target ?? HttpFailureTranslator.RedactQuery(uri),
        };
}
