using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Http;
using MdeSiem.Core.OData;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Graph;

namespace MdeSiem.Core.Mde;

/// <summary>
/// Changes a Defender XDR incident with the incidents API's PATCH /api/incidents/{id}
/// (https://learn.microsoft.com/en-us/defender-xdr/api-update-incidents; Incident.ReadWrite.All, within the API's
/// 50 calls a minute and 1,500 an hour, which the connection's call budget keeps to).
/// </summary>
public sealed class MdeIncidentUpdater
{
    private readonly MdeSiemConnection _connection;
    private readonly MdeIncidentClient _incidents;

    public MdeIncidentUpdater(MdeSiemConnection connection, DefenderApiRegion region = DefenderApiRegion.Default)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        _incidents = new MdeIncidentClient(connection, region);
    }

    /// <summary>Sends the changes and the comment in one PATCH; returns the incident as the service answered.</summary>
    public async Task<MdeIncident> UpdateIncidentAsync(long id, MdeIncidentUpdate update, CancellationToken cancellationToken = default)
    {
        if (update is null)
        {
            throw new ArgumentNullException(nameof(update));
        }

        update.Validate();
        var tags = update.Tags.NeedsCurrentTags
            ? update.Tags.ApplyTo((await _incidents.GetIncidentAsync(id, cancellationToken).ConfigureAwait(false)).Tags)
            : update.Tags.Replace;
        var uri = _incidents.IncidentUri(id);
        // The comment rides in the PATCH, so a resend after a lost answer may add it twice: such a PATCH is not
        // idempotent, and the retry handler resends it only when the service certainly did not get it.
        var request = new ServiceRequest(ServiceApi.XdrIncidents(_connection.Endpoints), new HttpMethod("PATCH"), uri, MdePermission.IncidentReadWrite, update.ToPatchJson(tags))
        {
            Idempotent = string.IsNullOrEmpty(update.Comment),
        };
        using var response = await ServiceCaller.SendAsync(_connection.Http, request, cancellationToken).ConfigureAwait(false);
        return await ODataEntityReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<MdeIncident>, cancellationToken).ConfigureAwait(false);
    }
}
