using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Paging;

/// <summary>
/// The one page reader: sends a page request, reports a 206, opens the body (<see cref="ResponseBody"/>) and streams
/// the items as they are parsed; a body that breaks off or is not the documented JSON fails with the request id
/// and the page's URI on the error.
/// </summary>
internal static class PageReader
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        HttpClient http,
        TimeSpan bodyTimeout,
        ServiceRequest request,
        PageParser<T> parse,
        ODataPageLinks links,
        Action<MdeSiemException>? onPartial,
        PullStatistics statistics,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var uri = request.Uri;
        using var response = await ServiceCaller.SendAsync(http, request, cancellationToken).ConfigureAwait(false);
        if (PartialResponse.IsPartial(response))
        {
            onPartial?.Invoke(PartialResponse.ToError(response, uri));
        }

        using var body = await ResponseBody.OpenAsync(response, bodyTimeout, uri, statistics, cancellationToken).ConfigureAwait(false);
        var items = parse(body.Stream, links, cancellationToken).GetAsyncEnumerator(cancellationToken);
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
                    throw HttpFailureTranslator.FromBrokenBody(exception, uri).AddRequestContext(ResponseHeaders.RequestId(response), null);
                }
                catch (MdeSiemException exception)
                {
                    throw exception.AddRequestContext(ResponseHeaders.RequestId(response), HttpFailureTranslator.RedactQuery(uri));
                }

                if (!hasNext)
                {
                    yield break;
                }

                yield return items.Current;
            }
        }
        finally
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }
    }
}
