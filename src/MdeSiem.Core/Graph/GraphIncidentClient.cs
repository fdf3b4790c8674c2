using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Http;
using MdeSiem.Core.OData;
using MdeSiem.Core.Paging;

namespace MdeSiem.Core.Graph;

/// <summary>Lists and reads Microsoft Graph security incidents (/security/incidents), alerts expanded on request.</summary>
public sealed class GraphIncidentClient : IListClient<DefenderIncident, GraphIncidentQuery>
{
    private const string CollectionPath = "security/incidents";
    private const string AlertsExpansion = "alerts";

    private readonly MdeSiemConnection _connection;
    private readonly ServiceApi _api;
    private readonly CollectionReader<DefenderIncident> _reader;

    public GraphIncidentClient(MdeSiemConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _api = ServiceApi.Graph(connection.Endpoints);
        _reader = new CollectionReader<DefenderIncident>(connection, CollectionDescription<DefenderIncident>.OData(
            _api, CollectionUri, GraphPermission.IncidentRead, GraphObjectBinder.Bind<DefenderIncident>, incident => incident.Id, pagesCarryNextLinks: true));
    }

    public Uri CollectionUri => _connection.Endpoints.GetGraphUri(CollectionPath);

    /// <summary>The first request a query sends, for -Verbose and previews.</summary>
    public Uri FirstRequestUri(GraphIncidentQuery query) => _reader.FirstUri(Pull(query, null, null));

    public async Task<DefenderIncident> GetIncidentAsync(string id, bool expandAlerts, CancellationToken cancellationToken = default)
    {
        var uri = ODataQuery.Build(_connection.Endpoints.GetGraphUri(CollectionPath + "/" + Uri.EscapeDataString(id)), null, null, null, null, expandAlerts ? AlertsExpansion : null);
        using var response = await ServiceCaller.SendAsync(_connection.Http, ServiceRequest.Get(_api, uri, GraphPermission.IncidentRead), cancellationToken).ConfigureAwait(false);
        return await ODataEntityReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<DefenderIncident>, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<DefenderIncident> GetIncidentsAsync(GraphIncidentQuery query, CancellationToken cancellationToken = default) =>
        GetIncidentsAsync(query, null, cancellationToken);

    /// <summary>As <see cref="GetIncidentsAsync(GraphIncidentQuery, CancellationToken)"/>; 206 answers are reported to <paramref name="gaps"/>.</summary>
    public IAsyncEnumerable<DefenderIncident> GetIncidentsAsync(GraphIncidentQuery query, PullGapReport? gaps, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        return _reader.ReadAsync(Pull(query, null, gaps), cancellationToken);
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
        return _reader.ReadAsync(Pull(query, new TimeWindow<DefenderIncident>(query.UpdatedProperty, incident => incident.LastUpdateDateTime, fromUtc, untilUtc), gaps), cancellationToken);
    }

    IAsyncEnumerable<DefenderIncident> IListClient<DefenderIncident, GraphIncidentQuery>.ListAsync(GraphIncidentQuery query, PullGapReport gaps, CancellationToken cancellationToken) =>
        GetIncidentsAsync(query, gaps, cancellationToken);

    IAsyncEnumerable<DefenderIncident> IListClient<DefenderIncident, GraphIncidentQuery>.ListUpdatedInWindowAsync(GraphIncidentQuery query, DateTime fromUtc, DateTime untilUtc, PullGapReport gaps, CancellationToken cancellationToken) =>
        GetIncidentsUpdatedInWindowAsync(query, fromUtc, untilUtc, gaps, cancellationToken);

    public CheckpointScope<DefenderIncident> CheckpointScopeOf(GraphIncidentQuery query) => GraphCheckpointScope.ForIncidents(query);

    /// <summary>
    /// The pull a query describes (see <see cref="GraphListQuery"/>): an -All without $orderby pages by time, as
    /// alerts do. When a page with $expand=alerts fails, it is read without it and each incident's alerts fetched.
    /// </summary>
    private CollectionPull<DefenderIncident> Pull(GraphIncidentQuery query, TimeWindow<DefenderIncident>? checkpointWindow, PullGapReport? gaps) =>
        query.Pull(
            checkpointWindow,
            incident => incident.CreatedDateTime,
            incident => incident.LastUpdateDateTime,
            gaps,
            expand: query.ExpandAlerts ? AlertsExpansion : null,
            withoutExpand: query.ExpandAlerts ? WithAlertsAsync : null);

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
