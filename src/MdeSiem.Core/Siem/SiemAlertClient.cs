using System;
using System.Collections.Generic;
using System.Threading;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;
using MdeSiem.Core.Paging;

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
    /// error says how many complete records were delivered before it (<see cref="MdeSiemException.DeliveredCount"/>).
    /// </summary>
    public IAsyncEnumerable<MdeSiemAlert> GetAlertsAsync(
        SiemAlertQuery query,
        SiemRegion? region = null,
        PullStatistics? statistics = null,
        CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        var uri = BuildRequestUri(query, region);
        var reader = new CollectionReader<MdeSiemAlert>(_connection, CollectionDescription<MdeSiemAlert>.JsonArray(ServiceApi.Siem(), uri, SiemAlertParser.Parse, alert => alert.FullId));
        return reader.ReadAsync(new CollectionPull<MdeSiemAlert> { FirstUri = uri, Statistics = statistics }, cancellationToken);
    }
}
