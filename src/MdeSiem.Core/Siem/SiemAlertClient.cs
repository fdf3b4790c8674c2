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

    /// <summary>
    /// Streams the detections of a query. Records are yielded as they are parsed; when the body breaks off, the
    /// error says how many complete records were delivered before it.
    /// </summary>
    public async IAsyncEnumerable<MdeSiemAlert> GetAlertsAsync(
        SiemAlertQuery query,
        SiemRegion? region = null,
        PullStatistics? statistics = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        statistics ??= new PullStatistics();
        var uri = BuildRequestUri(query, region);
        using var response = await ServiceCaller.GetAsync(_connection.Http, uri, ServiceEndpoints.SiemResource, ApiNames.SiemAlerts, cancellationToken).ConfigureAwait(false);

        // Some stacks ignore cancellation inside a body read; closing the response always ends it.
        using var abortOnCancel = cancellationToken.Register(response.Dispose);
        using var body = new CountingReadStream(
            new IdleTimeoutReadStream(await response.Content.ReadAsStreamAsync().ConfigureAwait(false), _connection.BodyTimeout, response.Dispose, uri),
            statistics);
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
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is IOException or HttpRequestException or ObjectDisposedException)
                {
                    throw WithDeliveredCount(HttpFailureTranslator.FromBrokenBody(exception, uri), statistics.Records);
                }
                catch (MdeSiemException exception)
                {
                    throw WithDeliveredCount(exception, statistics.Records);
                }

                if (!hasNext)
                {
                    yield break;
                }

                statistics.AddRecord();
                yield return records.Current;
            }
        }
        finally
        {
            await records.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static MdeSiemException WithDeliveredCount(MdeSiemException exception, long delivered) =>
        new(exception.Code, $"{exception.Message} {delivered} complete record(s) were delivered before the failure.", exception.InnerException ?? exception)
        {
            RecommendedAction = exception.RecommendedAction,
            RequestId = exception.RequestId,
            StatusCode = exception.StatusCode,
            Target = exception.Target,
        };
}
