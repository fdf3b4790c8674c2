using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Http;
using MdeSiem.Core.OData;
using MdeSiem.Core.Paging;

namespace MdeSiem.Core.Mde;

/// <summary>Lists, reads and updates Defender for Endpoint alerts (GET/PATCH /api/alerts) on the connection's Defender API host.</summary>
public sealed class MdeAlertClient : IListClient<MdeAlert, MdeAlertQuery>
{
    private const string CollectionPath = "api/alerts";
    private const string EvidenceExpansion = "evidence";

    private readonly MdeSiemConnection _connection;
    private readonly DefenderApiRegion _region;
    private readonly ServiceApi _api;
    private readonly CollectionReader<MdeAlert> _reader;

    public MdeAlertClient(MdeSiemConnection connection, DefenderApiRegion region = DefenderApiRegion.Default)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _region = region;
        _api = ServiceApi.MdeAlerts(connection.Endpoints);
        _reader = new CollectionReader<MdeAlert>(connection, CollectionDescription<MdeAlert>.OData(
            _api, CollectionUri, MdePermission.AlertRead, GraphObjectBinder.Bind<MdeAlert>, alert => alert.Id, pagesCarryNextLinks: false));
    }

    public Uri CollectionUri => _connection.Endpoints.GetDefenderApiUri(CollectionPath, _region);

    public Uri AlertUri(string id, bool includeEvidence = false) =>
        ODataQuery.Build(_connection.Endpoints.GetDefenderApiUri(CollectionPath + "/" + Uri.EscapeDataString(id), _region), null, null, null, null, includeEvidence ? EvidenceExpansion : null);

    /// <summary>The first request a query sends, for -Verbose and previews.</summary>
    public Uri FirstRequestUri(MdeAlertQuery query) =>
        ODataQuery.Build(CollectionUri, query.BuildFilter(), null, query.All ? query.PageSize : query.Top, 0, Expansion(query));

    public async Task<MdeAlert> GetAlertAsync(string id, bool includeEvidence = false, CancellationToken cancellationToken = default)
    {
        var uri = AlertUri(id, includeEvidence);
        using var response = await ServiceCaller.SendAsync(_connection.Http, ServiceRequest.Get(_api, uri, MdePermission.AlertRead), cancellationToken).ConfigureAwait(false);
        return await ODataEntityReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<MdeAlert>, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams the alerts of a query; with <see cref="MdeAlertQuery.All"/> page after page by $skip.</summary>
    public IAsyncEnumerable<MdeAlert> GetAlertsAsync(MdeAlertQuery query, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        return _reader.ReadAsync(
            new CollectionPull<MdeAlert>
            {
                Paging = query.All ? PagingStrategy.Skip : PagingStrategy.OnePage,
                Filter = query.BuildFilter(),
                Top = query.All ? query.PageSize : query.Top,
                Expand = Expansion(query),
            },
            cancellationToken);
    }

    /// <summary>
    /// Streams the alerts whose lastUpdateTime is in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>), oldest
    /// change first, paged by time (see <see cref="TimeWindowPager{T}"/>): a checkpointed run's window. Leave the
    /// query's UpdatedAfter/UpdatedBefore unset; the window bounds the time.
    /// </summary>
    public IAsyncEnumerable<MdeAlert> GetAlertsUpdatedInWindowAsync(MdeAlertQuery query, DateTime fromUtc, DateTime untilUtc, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        return _reader.ReadAsync(
            new CollectionPull<MdeAlert>
            {
                Paging = PagingStrategy.TimeWindow,
                Filter = query.BuildFilter(),
                Top = query.PageSize,
                Expand = Expansion(query),
                Window = new TimeWindow<MdeAlert>(query.UpdatedProperty, alert => alert.LastUpdateTime, fromUtc, untilUtc),
            },
            cancellationToken);
    }

    /// <summary>
    /// Changes an alert and adds a comment in one PATCH; returns the alert as the service now has it. A PATCH that only
    /// sets values may be resent; one that adds a comment may not (the comment would be added twice).
    /// </summary>
    public async Task<MdeAlert> UpdateAlertAsync(string id, MdeAlertUpdate update, CancellationToken cancellationToken = default)
    {
        if (update is null)
        {
            throw new ArgumentNullException(nameof(update));
        }

        var uri = AlertUri(id);

        // A PATCH that carries a comment adds it: sent twice, the alert would show it twice.
        var request = new ServiceRequest(_api, new HttpMethod("PATCH"), uri, MdePermission.AlertReadWrite, update.ToPatchJson()) { Idempotent = string.IsNullOrEmpty(update.Comment) };
        using var response = await ServiceCaller.SendAsync(_connection.Http, request, cancellationToken).ConfigureAwait(false);
        return await ODataEntityReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<MdeAlert>, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>As it always has, a Defender API pull reports no gaps: a page that fails after retries ends the pull.</summary>
    IAsyncEnumerable<MdeAlert> IListClient<MdeAlert, MdeAlertQuery>.ListAsync(MdeAlertQuery query, PullGapReport gaps, CancellationToken cancellationToken) =>
        GetAlertsAsync(query, cancellationToken);

    IAsyncEnumerable<MdeAlert> IListClient<MdeAlert, MdeAlertQuery>.ListUpdatedInWindowAsync(MdeAlertQuery query, DateTime fromUtc, DateTime untilUtc, PullGapReport gaps, CancellationToken cancellationToken) =>
        GetAlertsUpdatedInWindowAsync(query, fromUtc, untilUtc, cancellationToken);

    public CheckpointScope<MdeAlert> CheckpointScopeOf(MdeAlertQuery query) => MdeCheckpointScope.ForAlerts(query);

    private static string? Expansion(MdeAlertQuery query) => query.IncludeEvidence ? EvidenceExpansion : null;
}
