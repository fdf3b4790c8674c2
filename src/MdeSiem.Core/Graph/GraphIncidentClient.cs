using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;

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

    public async IAsyncEnumerable<DefenderIncident> GetIncidentsAsync(GraphIncidentQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        query.Validate();
        Uri? uri = BuildFirstRequestUri(query);
        var followLinks = query.All || query.First is not null;
        long delivered = 0;
        while (uri is not null)
        {
            var links = new GraphPageLinks();
            await foreach (var incident in GraphPageSource.ReadAsync(_connection, uri, GraphPermission.IncidentRead, GraphObjectBinder.Bind<DefenderIncident>, links, cancellationToken).ConfigureAwait(false))
            {
                yield return incident;
                if (query.First is { } first && ++delivered >= first)
                {
                    yield break;
                }
            }

            uri = followLinks && links.NextLink is not null ? new Uri(links.NextLink) : null;
        }
    }
}
