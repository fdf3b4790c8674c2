using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Graph;

namespace MdeSiem.Core.Mde;

/// <summary>Lists, reads and updates Defender for Endpoint alerts (GET/PATCH /api/alerts) on the connection's Defender API host.</summary>
public sealed class MdeAlertClient
{
    private const string CollectionPath = "api/alerts";
    private const string EvidenceExpansion = "evidence";

    private readonly MdeSiemConnection _connection;
    private readonly DefenderApiRegion _region;

    public MdeAlertClient(MdeSiemConnection connection, DefenderApiRegion region = DefenderApiRegion.Default)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _region = region;
    }

    public Uri CollectionUri => _connection.Endpoints.GetDefenderApiUri(CollectionPath, _region);

    public Uri AlertUri(string id, bool includeEvidence = false) =>
        MdePageSource.Build(_connection.Endpoints.GetDefenderApiUri(CollectionPath + "/" + Uri.EscapeDataString(id), _region), null, null, null, includeEvidence ? EvidenceExpansion : null);

    /// <summary>The request for the page at an offset ($skip), for -Verbose and previews.</summary>
    public Uri PageUri(MdeAlertQuery query, int skip) =>
        MdePageSource.Build(CollectionUri, query.BuildFilter(), query.All ? query.PageSize : query.Top, skip, query.IncludeEvidence ? EvidenceExpansion : null);

    public async Task<MdeAlert> GetAlertAsync(string id, bool includeEvidence = false, CancellationToken cancellationToken = default)
    {
        var uri = AlertUri(id, includeEvidence);
        using var response = await MdeRequestSender.SendAsync(_connection, MdeApi.Alerts, HttpMethod.Get, uri, null, MdePermission.AlertRead, cancellationToken).ConfigureAwait(false);
        return await GraphPageReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<MdeAlert>, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams the alerts of a query; with <see cref="MdeAlertQuery.All"/> page after page by $skip.</summary>
    public IAsyncEnumerable<MdeAlert> GetAlertsAsync(MdeAlertQuery query, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        return query.All
            ? MdeSkipPager.ReadAllAsync(skip => ReadPageAsync(PageUri(query, skip), cancellationToken), alert => alert.Id, query.PageSize, cancellationToken)
            : ReadPageAsync(PageUri(query, 0), cancellationToken);
    }

    /// <summary>
    /// Streams the alerts whose lastUpdateTime is in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>), oldest
    /// change first, paged by time (see <see cref="MdeTimeWindowPager"/>): a checkpointed run's window. Leave the
    /// query's UpdatedAfter/UpdatedBefore unset; the window bounds the time.
    /// </summary>
    public IAsyncEnumerable<MdeAlert> GetAlertsUpdatedInWindowAsync(MdeAlertQuery query, DateTime fromUtc, DateTime untilUtc, CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        var expand = query.IncludeEvidence ? EvidenceExpansion : null;
        return MdeTimeWindowPager.ReadAsync(
            (filter, skip) => ReadPageAsync(MdePageSource.Build(CollectionUri, filter, query.PageSize, skip, expand, MdeCheckpointScope.WatermarkProperty + " asc"), cancellationToken),
            MdeCheckpointScope.WatermarkProperty,
            query.BuildFilter(),
            fromUtc,
            untilUtc,
            query.PageSize,
            alert => alert.LastUpdateTime,
            alert => alert.Id,
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
        using var response = await MdeRequestSender.SendAsync(_connection, MdeApi.Alerts, new HttpMethod("PATCH"), uri, update.ToPatchJson(), MdePermission.AlertReadWrite, cancellationToken, idempotent: string.IsNullOrEmpty(update.Comment)).ConfigureAwait(false);
        return await GraphPageReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<MdeAlert>, cancellationToken).ConfigureAwait(false);
    }

    private IAsyncEnumerable<MdeAlert> ReadPageAsync(Uri uri, CancellationToken cancellationToken) =>
        MdePageSource.ReadAsync(_connection, MdeApi.Alerts, uri, MdePermission.AlertRead, GraphObjectBinder.Bind<MdeAlert>, cancellationToken);
}
