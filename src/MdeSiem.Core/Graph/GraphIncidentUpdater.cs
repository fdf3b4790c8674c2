using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Http;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Changes a Microsoft Graph security incident: PATCH /security/incidents/{id}
/// (https://learn.microsoft.com/en-us/graph/api/security-incident-update) and POST .../comments
/// (https://learn.microsoft.com/en-us/graph/api/security-incident-post-comments), both with SecurityIncident.ReadWrite.All.
/// </summary>
public sealed class GraphIncidentUpdater
{
    private const string CollectionPath = "security/incidents";

    private readonly MdeSiemConnection _connection;

    public GraphIncidentUpdater(MdeSiemConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    public Uri IncidentUri(string id) => _connection.Endpoints.GetGraphUri(CollectionPath + "/" + Uri.EscapeDataString(id));

    /// <summary>Applies the changes and adds the comment; returns the incident as the service now has it.</summary>
    public async Task<DefenderIncident> UpdateIncidentAsync(string id, GraphIncidentUpdate update, CancellationToken cancellationToken = default)
    {
        if (update is null)
        {
            throw new ArgumentNullException(nameof(update));
        }

        update.Validate();
        DefenderIncident? updated = null;
        if (update.HasPropertyChanges)
        {
            // Adding or removing tags means reading the current list: the PATCH replaces customTags as a whole.
            var tags = update.Tags.NeedsCurrentTags
                ? update.Tags.ApplyTo((await new GraphIncidentClient(_connection).GetIncidentAsync(id, expandAlerts: false, cancellationToken).ConfigureAwait(false)).CustomTags)
                : update.Tags.Replace;
            var uri = IncidentUri(id);
            using var response = await ServiceCaller.SendAsync(_connection.Http, new ServiceRequest(ServiceApi.Graph(_connection.Endpoints), new HttpMethod("PATCH"), uri, GraphPermission.IncidentReadWrite, update.ToPatchJson(tags)), cancellationToken).ConfigureAwait(false);
            updated = await ODataEntityReader.ReadEntityAsync(response, uri, GraphObjectBinder.Bind<DefenderIncident>, cancellationToken).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(update.Comment))
        {
            // A comment POST is not idempotent (a resend after a lost answer adds it twice): as a POST, the request
            // path marks it so, and the retry handler resends it only when the service certainly did not get it.
            var uri = _connection.Endpoints.GetGraphUri(CollectionPath + "/" + Uri.EscapeDataString(id) + "/comments");
            using var response = await ServiceCaller.SendAsync(_connection.Http, new ServiceRequest(ServiceApi.Graph(_connection.Endpoints), HttpMethod.Post, uri, GraphPermission.IncidentReadWrite, update.ToCommentJson()), cancellationToken).ConfigureAwait(false);
            updated = null;
        }

        return updated ?? await new GraphIncidentClient(_connection).GetIncidentAsync(id, expandAlerts: false, cancellationToken).ConfigureAwait(false);
    }
}
