using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;

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
    public async IAsyncEnumerable<DefenderAlert> GetAlertsAsync(GraphAlertQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        var source = query.PagesByTimeBoundary ? ByTimeBoundary(query, cancellationToken) : ByNextLink(query, cancellationToken);
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
            var uri = AlertUri(id);
            using var response = await GraphRequestSender.SendAsync(_connection, new HttpMethod("PATCH"), uri, update.ToPatchJson(), GraphPermission.AlertReadWrite, cancellationToken).ConfigureAwait(false);
            updated = await GraphPageReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<DefenderAlert>, cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(update.Comment))
        {
            var uri = _connection.Endpoints.GetGraphUri(CollectionPath + "/" + Uri.EscapeDataString(id) + "/comments");
            using var response = await GraphRequestSender.SendAsync(_connection, HttpMethod.Post, uri, update.ToCommentJson(), GraphPermission.AlertReadWrite, cancellationToken).ConfigureAwait(false);
            updated = null;
        }

        return updated ?? await GetAlertAsync(id, cancellationToken).ConfigureAwait(false);
    }

    private static int? PageSize(GraphAlertQuery query) =>
        query.Top ?? (query.First is { } first && query.DetectionSources.Count == 0 ? (int)Math.Min(first, GraphAlertQuery.MaximumTop) : null);

    private async IAsyncEnumerable<DefenderAlert> ByNextLink(GraphAlertQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? uri = BuildFirstRequestUri(query);
        var followLinks = query.All || query.First is not null;
        while (uri is not null)
        {
            var links = new GraphPageLinks();
            await foreach (var alert in ReadPageAsync(uri, links, cancellationToken).ConfigureAwait(false))
            {
                yield return alert;
            }

            uri = followLinks && links.NextLink is not null ? new Uri(links.NextLink) : null;
        }
    }

    /// <summary>
    /// Pages ordered by a time property, each new request starting at the last time seen ("ge"), the alerts already
    /// seen at that exact time skipped by id. Unlike offset-based next links, alerts that arrive mid-pull cannot
    /// shift a page: none is skipped and none repeated. When a whole page shares one time (no progress), the
    /// page's next link is followed to get past it.
    /// </summary>
    private async IAsyncEnumerable<DefenderAlert> ByTimeBoundary(GraphAlertQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var property = query.BoundaryProperty;
        var top = query.Top ?? GraphAlertQuery.MaximumTop;
        var filter = query.BuildServerFilter();
        DateTime? cursor = null;
        var seenAtCursor = new HashSet<string>(StringComparer.Ordinal);
        string? stalledNextLink = null;
        while (true)
        {
            var uri = stalledNextLink is not null
                ? new Uri(stalledNextLink)
                : GraphCollectionQuery.Build(
                    CollectionUri,
                    GraphCollectionQuery.Join(filter, cursor is { } from ? $"{property} ge {GraphFilterText.Time(from)}" : null),
                    property + " asc",
                    top);
            var links = new GraphPageLinks();
            var pageStart = cursor;
            await foreach (var alert in ReadPageAsync(uri, links, cancellationToken).ConfigureAwait(false))
            {
                var time = property == "lastUpdateDateTime" ? alert.LastUpdateDateTime : alert.CreatedDateTime;
                var id = alert.Id ?? string.Empty;
                if (time is not null && time == cursor && !seenAtCursor.Add(id))
                {
                    continue;
                }

                if (time is not null && time != cursor)
                {
                    cursor = time;
                    seenAtCursor.Clear();
                    seenAtCursor.Add(id);
                }

                yield return alert;
            }

            if (links.NextLink is null)
            {
                yield break;
            }

            stalledNextLink = cursor == pageStart ? links.NextLink : null;
        }
    }

    private IAsyncEnumerable<DefenderAlert> ReadPageAsync(Uri uri, GraphPageLinks links, CancellationToken cancellationToken) =>
        GraphPageSource.ReadAsync(_connection, uri, GraphPermission.AlertRead, GraphObjectBinder.Bind<DefenderAlert>, links, cancellationToken);
}
