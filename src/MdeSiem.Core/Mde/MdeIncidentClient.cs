using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Http;
using MdeSiem.Core.OData;
using MdeSiem.Core.Paging;

namespace MdeSiem.Core.Mde;

/// <summary>Lists and reads Defender XDR incidents (GET /api/incidents), each with its alerts, devices and entities.</summary>
public sealed class MdeIncidentClient : IListClient<MdeIncident, MdeIncidentQuery>
{
    private const string CollectionPath = "api/incidents";

    private readonly MdeSiemConnection _connection;
    private readonly DefenderApiRegion _region;
    private readonly ServiceApi _api;
    private readonly CollectionReader<MdeIncident> _reader;

    public MdeIncidentClient(MdeSiemConnection connection, DefenderApiRegion region = DefenderApiRegion.Default)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _region = region;
        _api = ServiceApi.XdrIncidents(connection.Endpoints);
        _reader = new CollectionReader<MdeIncident>(connection, CollectionDescription<MdeIncident>.OData(
            _api, CollectionUri, MdePermission.IncidentRead, GraphObjectBinder.Bind<MdeIncident>, IdOf, pagesCarryNextLinks: false));
    }

    public Uri CollectionUri => _connection.Endpoints.GetXdrApiUri(CollectionPath, _region);

    public Uri IncidentUri(long id) => _connection.Endpoints.GetXdrApiUri(CollectionPath + "/" + id.ToString(CultureInfo.InvariantCulture), _region);

    /// <summary>The first request a query sends, for -Verbose and previews.</summary>
    public Uri FirstRequestUri(MdeIncidentQuery query) =>
        ODataQuery.Build(CollectionUri, query.BuildFilter(), null, query.All ? query.PageSize : query.Top, 0);

    public async Task<MdeIncident> GetIncidentAsync(long id, CancellationToken cancellationToken = default)
    {
        var uri = IncidentUri(id);
        using var response = await ServiceCaller.SendAsync(_connection.Http, ServiceRequest.Get(_api, uri, MdePermission.IncidentRead), cancellationToken).ConfigureAwait(false);
        return await ODataEntityReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<MdeIncident>, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<MdeIncident> GetIncidentsAsync(MdeIncidentQuery query, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        return _reader.ReadAsync(
            new CollectionPull<MdeIncident>
            {
                Paging = query.All ? PagingStrategy.Skip : PagingStrategy.OnePage,
                Filter = query.BuildFilter(),
                Top = query.All ? query.PageSize : query.Top,
            },
            cancellationToken);
    }

    /// <summary>
    /// Streams the incidents whose lastUpdateTime is in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>),
    /// oldest change first, paged by time (see <see cref="TimeWindowPager{T}"/>): a checkpointed run's window.
    /// </summary>
    public IAsyncEnumerable<MdeIncident> GetIncidentsUpdatedInWindowAsync(MdeIncidentQuery query, DateTime fromUtc, DateTime untilUtc, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        return _reader.ReadAsync(
            new CollectionPull<MdeIncident>
            {
                Paging = PagingStrategy.TimeWindow,
                Filter = query.BuildFilter(),
                Top = query.PageSize,
                Window = new TimeWindow<MdeIncident>(query.UpdatedProperty, incident => incident.LastUpdateTime, fromUtc, untilUtc),
            },
            cancellationToken);
    }

    /// <summary>As it always has, a Defender API pull reports no gaps: a page that fails after retries ends the pull.</summary>
    IAsyncEnumerable<MdeIncident> IListClient<MdeIncident, MdeIncidentQuery>.ListAsync(MdeIncidentQuery query, PullGapReport gaps, CancellationToken cancellationToken) =>
        GetIncidentsAsync(query, cancellationToken);

    IAsyncEnumerable<MdeIncident> IListClient<MdeIncident, MdeIncidentQuery>.ListUpdatedInWindowAsync(MdeIncidentQuery query, DateTime fromUtc, DateTime untilUtc, PullGapReport gaps, CancellationToken cancellationToken) =>
        GetIncidentsUpdatedInWindowAsync(query, fromUtc, untilUtc, cancellationToken);

    public CheckpointScope<MdeIncident> CheckpointScopeOf(MdeIncidentQuery query) => MdeCheckpointScope.ForIncidents(query);

    private static string? IdOf(MdeIncident incident) => incident.IncidentId?.ToString(CultureInfo.InvariantCulture);
}
