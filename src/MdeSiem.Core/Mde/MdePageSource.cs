using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.Mde;

/// <summary>
/// Requests one page of a Defender API collection ({"@odata.context":..,"value":[..]}, the same OData shape as
/// Graph) and streams its items as they are parsed from the response body, on Graph's page reader.
/// </summary>
internal static class MdePageSource
{
    public static async IAsyncEnumerable<T> ReadAsync<T>(
        MdeSiemConnection connection,
        MdeApi api,
        Uri uri,
        string permission,
        Func<JsonElement, T> bind,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var response = await MdeRequestSender.SendAsync(connection, api, HttpMethod.Get, uri, null, permission, cancellationToken).ConfigureAwait(false);

        // Some stacks ignore cancellation inside a body read; closing the response always ends it.
        using var abortOnCancel = cancellationToken.Register(response.Dispose);
        using var body = new IdleTimeoutReadStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), connection.BodyTimeout, response.Dispose, uri);
        var items = GraphPageStreamReader.ReadAsync(body, bind, new GraphPageLinks(), cancellationToken).GetAsyncEnumerator(cancellationToken);
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
                    throw HttpFailureTranslator.FromBrokenBody(exception, uri);
                }
                catch (MdeSiemException exception) when (exception.Target is null)
                {
                    throw new MdeSiemException(exception.Code, exception.Message.Replace("Microsoft Graph", "Defender API"), exception.InnerException ?? exception)
                    {
                        RecommendedAction = exception.RecommendedAction,
                        RequestId = ResponseHeaders.RequestId(response),
                        Target = HttpFailureTranslator.RedactQuery(uri),
                    };
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

    /// <summary>A collection URI with $filter, $orderby, $top, $skip and $expand, escaped.</summary>
    public static Uri Build(Uri collection, string? filter, int? top, int? skip, string? expand, string? orderBy = null)
    {
        var parts = new List<string>();
        Add(parts, "$filter", filter);
        Add(parts, "$orderby", orderBy);
        Add(parts, "$top", top?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "$skip", skip is > 0 ? skip.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        Add(parts, "$expand", expand);
        return parts.Count == 0 ? collection : new Uri(collection.AbsoluteUri + "?" + string.Join("&", parts));
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value!.Trim()));
        }
    }
}
