using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Graph;

/// <summary>Lists and reads Microsoft Graph security incidents (/security/incidents), alerts expanded on request.</summary>
public sealed class GraphIncidentClient
{
    private const string CollectionPath = "security/incidents";

    private readonly MdeSiemConnection _connection;

    public GraphIncidentClient(MdeSiemConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    public Uri CollectionUri => _connection.Endpoints.GetGraphUri(CollectionPath);

    public Uri BuildFirstRequestUri(GraphIncidentQuery query)
    {
        int? top = query.Top ?? (query.First is { } first ? (int)Math.Min(first, GraphIncidentQuery.MaximumTop) : null);
        return GraphCollectionQuery.Build(CollectionUri, query.BuildServerFilter(), query.OrderBy, top, query.ExpandAlerts ? "alerts" : null);
    }

    public async Task<DefenderIncident> GetIncidentAsync(string id, bool expandAlerts, CancellationToken cancellationToken = default)
    {
        var uri = GraphCollectionQuery.Build(_connection.Endpoints.GetGraphUri(CollectionPath + "/" + Uri.EscapeDataString(id)), null, null, null, expandAlerts ? "alerts" : null);
        using var response = await GraphRequestSender.SendAsync(_connection, HttpMethod.Get, uri, null, GraphPermission.IncidentRead, cancellationToken).ConfigureAwait(false);
        return await GraphPageReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<DefenderIncident>, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<DefenderIncident> GetIncidentsAsync(GraphIncidentQuery query, CancellationToken cancellationToken = default) =>
        GetIncidentsAsync(query, null, cancellationToken);

    /// <summary>As <see cref="GetIncidentsAsync(GraphIncidentQuery, CancellationToken)"/>; 206 answers are reported to <paramref name="gaps"/>.</summary>
    public async IAsyncEnumerable<DefenderIncident> GetIncidentsAsync(GraphIncidentQuery query, PullGapReport? gaps, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        Uri? uri = BuildFirstRequestUri(query);
        var followLinks = query.All || query.First is not null;
        long delivered = 0;
        var acceptedOnce = false;
        var expandFailed = false;
        var alreadyWritten = new HashSet<string>(StringComparer.Ordinal);
        while (uri is not null)
        {
            var links = new GraphPageLinks();
            var page = GraphPageSource.ReadAsync(_connection, uri, GraphPermission.IncidentRead, GraphObjectBinder.Bind<DefenderIncident>, links, gaps is null ? null : error => gaps.Add(new WindowGap(null, null, error)), cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            var expandBroke = false;
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await page.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (MdeSiemException exception) when (query.ExpandAlerts && !expandFailed && !cancellationToken.IsCancellationRequested && GraphFailures.CanWorkAround(exception, acceptedOnce))
                    {
                        expandBroke = true;
                        break;
                    }

                    var incident = page.Current;
                    if (!alreadyWritten.Add(incident.Id ?? string.Empty))
                    {
                        continue;
                    }

                    yield return expandFailed ? await WithAlertsAsync(incident, cancellationToken).ConfigureAwait(false) : incident;
                    if (query.First is { } first && ++delivered >= first)
                    {
                        yield break;
                    }
                }
            }
            finally
            {
                await page.DisposeAsync().ConfigureAwait(false);
            }

            if (expandBroke)
            {
                // $expand=alerts failed: read the page again without it (skipping what was written) and fetch each
                // incident's alerts on their own, for the rest of the pull.
                expandFailed = true;
                uri = GraphFailures.WithoutExpand(uri);
                continue;
            }

            acceptedOnce = true;
            alreadyWritten.Clear();
            uri = followLinks && links.NextLink is not null ? new Uri(links.NextLink) : null;
        }
    }

    /// <summary>
    /// Streams the incidents whose lastUpdateDateTime lies in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>),
    /// oldest update first, for a checkpointed run. A failing page is stepped around by splitting the window; when a
    /// page with $expand=alerts fails, the page is read without it and each incident's alerts are fetched on their own.
    /// </summary>
    public IAsyncEnumerable<DefenderIncident> GetIncidentsUpdatedInWindowAsync(GraphIncidentQuery query, DateTime fromUtc, DateTime untilUtc, PullGapReport gaps, CancellationToken cancellationToken = default)
    {
        if (query is null || gaps is null)
        {
            throw new ArgumentNullException(query is null ? nameof(query) : nameof(gaps));
        }

        query.Validate();
        var pager = new GraphTimeWindowPager<DefenderIncident>(
            _connection,
            CollectionUri,
            GraphPermission.IncidentRead,
            GraphObjectBinder.Bind<DefenderIncident>,
            incident => incident.LastUpdateDateTime,
            incident => incident.Id,
            "lastUpdateDateTime",
            query.BuildServerFilter(),
            query.Top ?? GraphIncidentQuery.MaximumTop)
        {
            Gaps = gaps,
            Expand = query.ExpandAlerts ? "alerts" : null,
            WithoutExpand = query.ExpandAlerts ? WithAlertsAsync : null,
        };
        return pager.ReadAsync(fromUtc, untilUtc, cancellationToken);
    }

    /// <summary>The incident as read without $expand, its alerts fetched with a request of its own.</summary>
    private async Task<DefenderIncident> WithAlertsAsync(DefenderIncident incident, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(incident.Id))
        {
            return incident;
        }

        var expanded = await GetIncidentAsync(incident.Id!, expandAlerts: true, cancellationToken).ConfigureAwait(false);
        incident.Alerts = expanded.Alerts;
        return incident;
    }
}
