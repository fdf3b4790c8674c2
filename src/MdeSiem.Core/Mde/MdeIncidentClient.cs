using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Graph;

namespace MdeSiem.Core.Mde;

/// <summary>Lists and reads Defender XDR incidents (GET /api/incidents), each with its alerts, devices and entities.</summary>
public sealed class MdeIncidentClient
{
    private const string CollectionPath = "api/incidents";

    private readonly MdeSiemConnection _connection;
    private readonly DefenderApiRegion _region;

    public MdeIncidentClient(MdeSiemConnection connection, DefenderApiRegion region = DefenderApiRegion.Default)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _region = region;
    }

    public Uri CollectionUri => _connection.Endpoints.GetXdrApiUri(CollectionPath, _region);

    public Uri IncidentUri(long id) => _connection.Endpoints.GetXdrApiUri(CollectionPath + "/" + id.ToString(CultureInfo.InvariantCulture), _region);

    public Uri PageUri(MdeIncidentQuery query, int skip) =>
        MdePageSource.Build(CollectionUri, query.BuildFilter(), query.All ? query.PageSize : query.Top, skip, null);

    public async Task<MdeIncident> GetIncidentAsync(long id, CancellationToken cancellationToken = default)
    {
        var uri = IncidentUri(id);
        using var response = await MdeRequestSender.SendAsync(_connection, MdeApi.Incidents, HttpMethod.Get, uri, null, MdePermission.IncidentRead, cancellationToken).ConfigureAwait(false);
        return await GraphPageReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<MdeIncident>, cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<MdeIncident> GetIncidentsAsync(MdeIncidentQuery query, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        return query.All
            ? MdeSkipPager.ReadAllAsync(skip => ReadPageAsync(PageUri(query, skip), cancellationToken), IdOf, query.PageSize, cancellationToken)
            : ReadPageAsync(PageUri(query, 0), cancellationToken);
    }

    /// <summary>
    /// Streams the incidents whose lastUpdateTime is in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>),
    /// oldest change first, paged by time (see <see cref="MdeTimeWindowPager"/>): a checkpointed run's window.
    /// </summary>
    public IAsyncEnumerable<MdeIncident> GetIncidentsUpdatedInWindowAsync(MdeIncidentQuery query, DateTime fromUtc, DateTime untilUtc, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        return MdeTimeWindowPager.ReadAsync(
            (filter, skip) => ReadPageAsync(MdePageSource.Build(CollectionUri, filter, query.PageSize, skip, null, MdeCheckpointScope.WatermarkProperty + " asc"), cancellationToken),
            MdeCheckpointScope.WatermarkProperty,
            query.BuildFilter(),
            fromUtc,
            untilUtc,
            query.PageSize,
            incident => incident.LastUpdateTime,
            IdOf,
            cancellationToken);
    }

    private static string? IdOf(MdeIncident incident) => incident.IncidentId?.ToString(CultureInfo.InvariantCulture);

    private IAsyncEnumerable<MdeIncident> ReadPageAsync(Uri uri, CancellationToken cancellationToken) =>
        MdePageSource.ReadAsync(_connection, MdeApi.Incidents, uri, MdePermission.IncidentRead, GraphObjectBinder.Bind<MdeIncident>, cancellationToken);
}
