using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.Siem;

/// <summary>Pulls detections from the SIEM API (GET /api/alerts) and streams them as they are parsed.</summary>
public sealed class SiemAlertClient
{
    private readonly MdeSiemConnection _connection;

    public SiemAlertClient(MdeSiemConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <summary>The request URI a query resolves to, for logging and for -WhatIf style previews.</summary>
    public Uri BuildRequestUri(SiemAlertQuery query, SiemRegion? region = null)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var resource = _connection.Endpoints.GetSiemAlertsUri(region ?? _connection.Region);
        return new Uri(resource.AbsoluteUri + query.ToQueryString());
    }

    public async IAsyncEnumerable<MdeSiemAlert> GetAlertsAsync(
        SiemAlertQuery query,
        SiemRegion? region = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        var uri = BuildRequestUri(query, region);
        using var response = await ServiceCaller.GetAsync(_connection.Http, uri, ServiceEndpoints.SiemResource, cancellationToken).ConfigureAwait(false);
        using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        var records = JsonArrayStreamReader.ReadAsync(body, SiemAlertParser.Parse, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool hasNext;
                try
                {
                    hasNext = await records.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is IOException or HttpRequestException)
                {
                    // The connection broke mid-body: records already yielded were complete; the rest is lost.
                    throw HttpFailureTranslator.FromTransport(exception, uri, timedOut: false);
                }

                if (!hasNext)
                {
                    yield break;
                }

                yield return records.Current;
            }
        }
        finally
        {
            await records.DisposeAsync().ConfigureAwait(false);
        }
    }
}
