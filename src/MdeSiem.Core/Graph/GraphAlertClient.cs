using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Checkpoints;

namespace MdeSiem.Core.Graph;

/// <summary>Lists, reads and updates Microsoft Graph security alerts (/security/alerts_v2).</summary>
public sealed class GraphAlertClient
{
    private const string CollectionPath = "security/alerts_v2";

    private readonly MdeSiemConnection _connection;

    public GraphAlertClient(MdeSiemConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    public Uri CollectionUri => _connection.Endpoints.GetGraphUri(CollectionPath);

    /// <summary>The first request a query sends, for -Verbose and previews.</summary>
    public Uri BuildFirstRequestUri(GraphAlertQuery query) => query.PagesByTimeBoundary
        ? GraphCollectionQuery.Build(CollectionUri, query.BuildServerFilter(), query.BoundaryProperty + " asc", query.Top ?? GraphAlertQuery.MaximumTop)
        : GraphCollectionQuery.Build(CollectionUri, query.BuildServerFilter(), query.OrderBy, PageSize(query));

    public Uri AlertUri(string id) => _connection.Endpoints.GetGraphUri(CollectionPath + "/" + Uri.EscapeDataString(id));

    public async Task<DefenderAlert> GetAlertAsync(string id, CancellationToken cancellationToken = default)
    {
        var uri = AlertUri(id);
        using var response = await GraphRequestSender.SendAsync(_connection, HttpMethod.Get, uri, null, GraphPermission.AlertRead, cancellationToken).ConfigureAwait(false);
        return await GraphPageReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<DefenderAlert>, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams the alerts of a query page by page; the next page is requested only when it is needed.</summary>
    public IAsyncEnumerable<DefenderAlert> GetAlertsAsync(GraphAlertQuery query, CancellationToken cancellationToken = default) =>
        GetAlertsAsync(query, null, cancellationToken);

    /// <summary>As <see cref="GetAlertsAsync(GraphAlertQuery, CancellationToken)"/>; 206 answers are reported to <paramref name="gaps"/>.</summary>
    public async IAsyncEnumerable<DefenderAlert> GetAlertsAsync(GraphAlertQuery query, PullGapReport? gaps, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        var source = query.PagesByTimeBoundary ? ByTimeBoundary(query, gaps, cancellationToken) : ByNextLink(query, gaps, cancellationToken);
        long delivered = 0;
        await foreach (var alert in source.ConfigureAwait(false))
        {
            if (!query.MatchesClientSide(alert))
            {
                continue;
            }

            yield return alert;
            if (query.First is { } first && ++delivered >= first)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// Streams the alerts whose lastUpdateDateTime lies in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>),
    /// oldest update first, for a checkpointed run: a page that fails is stepped around by splitting the window,
    /// and what could not be read (or came back partial) is reported to <paramref name="gaps"/>.
    /// </summary>
    public async IAsyncEnumerable<DefenderAlert> GetAlertsUpdatedInWindowAsync(GraphAlertQuery query, DateTime fromUtc, DateTime untilUtc, PullGapReport gaps, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (query is null || gaps is null)
        {
            throw new ArgumentNullException(query is null ? nameof(query) : nameof(gaps));
        }

        query.Validate();
        var pager = Pager("lastUpdateDateTime", query.BuildServerFilter(), query.Top, gaps);
        await foreach (var alert in pager.ReadAsync(fromUtc, untilUtc, cancellationToken).ConfigureAwait(false))
        {
            if (query.MatchesClientSide(alert))
            {
                yield return alert;
            }
        }
    }

    /// <summary>Changes an alert (PATCH) and adds a comment (POST .../comments); returns the alert as it now is.</summary>
    public async Task<DefenderAlert> UpdateAlertAsync(string id, GraphAlertUpdate update, CancellationToken cancellationToken = default)
    {
        if (update is null)
        {
            throw new ArgumentNullException(nameof(update));
        }

        DefenderAlert? updated = null;
        if (update.HasPropertyChanges)
        {
            // The PATCH sets values, so sending it again changes nothing more; the comment is a POST that adds one.
            var uri = AlertUri(id);
            using var response = await GraphRequestSender.SendAsync(_connection, new HttpMethod("PATCH"), uri, update.ToPatchJson(), GraphPermission.AlertReadWrite, cancellationToken, idempotent: true).ConfigureAwait(false);
            updated = await GraphPageReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<DefenderAlert>, cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(update.Comment))
        {
            var uri = _connection.Endpoints.GetGraphUri(CollectionPath + "/" + Uri.EscapeDataString(id) + "/comments");
            using var response = await GraphRequestSender.SendAsync(_connection, HttpMethod.Post, uri, update.ToCommentJson(), GraphPermission.AlertReadWrite, cancellationToken, idempotent: false).ConfigureAwait(false);
            updated = null;
        }

        return updated ?? await GetAlertAsync(id, cancellationToken).ConfigureAwait(false);
    }

    private static int? PageSize(GraphAlertQuery query) =>
        query.Top ?? (query.First is { } first && query.DetectionSources.Count == 0 ? (int)Math.Min(first, GraphAlertQuery.MaximumTop) : null);

    private async IAsyncEnumerable<DefenderAlert> ByNextLink(GraphAlertQuery query, PullGapReport? gaps, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? uri = BuildFirstRequestUri(query);
        var followLinks = query.All || query.First is not null;
        while (uri is not null)
        {
            var links = new GraphPageLinks();
            await foreach (var alert in ReadPageAsync(uri, links, gaps, cancellationToken).ConfigureAwait(false))
            {
                yield return alert;
            }

            uri = followLinks && links.NextLink is not null ? new Uri(links.NextLink) : null;
        }
    }

    /// <summary>Pages ordered by a time property, each request starting at the last time seen (see GraphTimeWindowPager).</summary>
    private IAsyncEnumerable<DefenderAlert> ByTimeBoundary(GraphAlertQuery query, PullGapReport? gaps, CancellationToken cancellationToken) =>
        Pager(query.BoundaryProperty, query.BuildServerFilter(), query.Top, gaps).ReadAsync(null, null, cancellationToken);

    private GraphTimeWindowPager<DefenderAlert> Pager(string property, string? filter, int? top, PullGapReport? gaps) =>
        new(_connection, CollectionUri, GraphPermission.AlertRead, GraphObjectBinder.Bind<DefenderAlert>, alert => property == "lastUpdateDateTime" ? alert.LastUpdateDateTime : alert.CreatedDateTime, alert => alert.Id, property, filter, top ?? GraphAlertQuery.MaximumTop)
        {
            Gaps = gaps,
        };

    private IAsyncEnumerable<DefenderAlert> ReadPageAsync(Uri uri, GraphPageLinks links, PullGapReport? gaps, CancellationToken cancellationToken) =>
        GraphPageSource.ReadAsync(_connection, uri, GraphPermission.AlertRead, GraphObjectBinder.Bind<DefenderAlert>, links, gaps is null ? null : error => gaps.Add(new WindowGap(null, null, error)), cancellationToken);
}
