using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Http;
using MdeSiem.Core.OData;
using MdeSiem.Core.Paging;

namespace MdeSiem.Core.Graph;

/// <summary>Lists, reads and updates Microsoft Graph security alerts (/security/alerts_v2).</summary>
public sealed class GraphAlertClient : IListClient<DefenderAlert, GraphAlertQuery>
{
    private const string CollectionPath = "security/alerts_v2";

    private readonly MdeSiemConnection _connection;
    private readonly ServiceApi _api;
    private readonly CollectionReader<DefenderAlert> _reader;

    public GraphAlertClient(MdeSiemConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _api = ServiceApi.Graph(connection.Endpoints);
        _reader = new CollectionReader<DefenderAlert>(connection, CollectionDescription<DefenderAlert>.OData(
            _api, CollectionUri, GraphPermission.AlertRead, GraphObjectBinder.Bind<DefenderAlert>, alert => alert.Id, pagesCarryNextLinks: true));
    }

    public Uri CollectionUri => _connection.Endpoints.GetGraphUri(CollectionPath);

    /// <summary>The first request a query sends, for -Verbose and previews.</summary>
    public Uri FirstRequestUri(GraphAlertQuery query) => _reader.FirstUri(Pull(query, null, null));

    public Uri AlertUri(string id) => _connection.Endpoints.GetGraphUri(CollectionPath + "/" + Uri.EscapeDataString(id));

    public async Task<DefenderAlert> GetAlertAsync(string id, CancellationToken cancellationToken = default)
    {
        var uri = AlertUri(id);
        using var response = await ServiceCaller.SendAsync(_connection.Http, ServiceRequest.Get(_api, uri, GraphPermission.AlertRead), cancellationToken).ConfigureAwait(false);
        return await ODataEntityReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<DefenderAlert>, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams the alerts of a query page by page; the next page is requested only when it is needed.</summary>
    public IAsyncEnumerable<DefenderAlert> GetAlertsAsync(GraphAlertQuery query, CancellationToken cancellationToken = default) =>
        GetAlertsAsync(query, null, cancellationToken);

    /// <summary>As <see cref="GetAlertsAsync(GraphAlertQuery, CancellationToken)"/>; 206 answers are reported to <paramref name="gaps"/>.</summary>
    public IAsyncEnumerable<DefenderAlert> GetAlertsAsync(GraphAlertQuery query, PullGapReport? gaps, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        return _reader.ReadAsync(Pull(query, null, gaps), cancellationToken);
    }

    /// <summary>
    /// Streams the alerts whose lastUpdateDateTime lies in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>),
    /// oldest update first, for a checkpointed run: a page that fails is stepped around by splitting the window,
    /// and what could not be read (or came back partial) is reported to <paramref name="gaps"/>.
    /// </summary>
    public IAsyncEnumerable<DefenderAlert> GetAlertsUpdatedInWindowAsync(GraphAlertQuery query, DateTime fromUtc, DateTime untilUtc, PullGapReport gaps, CancellationToken cancellationToken = default)
    {
        if (query is null || gaps is null)
        {
            throw new ArgumentNullException(query is null ? nameof(query) : nameof(gaps));
        }

        query.Validate();
        return _reader.ReadAsync(Pull(query, new TimeWindow<DefenderAlert>(query.UpdatedProperty, alert => alert.LastUpdateDateTime, fromUtc, untilUtc), gaps), cancellationToken);
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
            using var response = await ServiceCaller.SendAsync(_connection.Http, new ServiceRequest(_api, new HttpMethod("PATCH"), uri, GraphPermission.AlertReadWrite, update.ToPatchJson()), cancellationToken).ConfigureAwait(false);
            updated = await ODataEntityReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<DefenderAlert>, cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(update.Comment))
        {
            var uri = _connection.Endpoints.GetGraphUri(CollectionPath + "/" + Uri.EscapeDataString(id) + "/comments");
            using var response = await ServiceCaller.SendAsync(_connection.Http, new ServiceRequest(_api, HttpMethod.Post, uri, GraphPermission.AlertReadWrite, update.ToCommentJson()), cancellationToken).ConfigureAwait(false);
            updated = null;
        }

        return updated ?? await GetAlertAsync(id, cancellationToken).ConfigureAwait(false);
    }

    IAsyncEnumerable<DefenderAlert> IListClient<DefenderAlert, GraphAlertQuery>.ListAsync(GraphAlertQuery query, PullGapReport gaps, CancellationToken cancellationToken) =>
        GetAlertsAsync(query, gaps, cancellationToken);

    IAsyncEnumerable<DefenderAlert> IListClient<DefenderAlert, GraphAlertQuery>.ListUpdatedInWindowAsync(GraphAlertQuery query, DateTime fromUtc, DateTime untilUtc, PullGapReport gaps, CancellationToken cancellationToken) =>
        GetAlertsUpdatedInWindowAsync(query, fromUtc, untilUtc, gaps, cancellationToken);

    public CheckpointScope<DefenderAlert> CheckpointScopeOf(GraphAlertQuery query) => GraphCheckpointScope.ForAlerts(query);

    /// <summary>The pull a query describes (see <see cref="GraphListQuery"/>); the alerts the service cannot filter are dropped here.</summary>
    private static CollectionPull<DefenderAlert> Pull(GraphAlertQuery query, TimeWindow<DefenderAlert>? checkpointWindow, PullGapReport? gaps) =>
        query.Pull(checkpointWindow, alert => alert.CreatedDateTime, alert => alert.LastUpdateDateTime, gaps, keep: query.MatchesClientSide);
}
