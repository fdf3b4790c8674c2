using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.Auth;

/// <summary>
/// A signed-in session with one tenant: where its services live, how tokens are obtained, and the one HttpClient
/// every API client of the session shares. It holds no secret in a readable property.
/// </summary>
public sealed class MdeSiemConnection : IDisposable
{
    private MdeSiemConnection(ConnectionSettings settings, ServiceEndpoints endpoints, IAccessTokenSource tokens, HttpMessageHandler transport)
    {
        TenantId = settings.TenantId;
        ClientId = settings.ClientId;
        Region = settings.Region;
        Environment = settings.Environment;
        Endpoints = endpoints;
        Tokens = tokens;
        // Retry outermost so every attempt waits for the call budget and gets a current token; logging innermost
        // so every attempt is logged.
        Http = new HttpClient(
            new RetryHandler(
                settings.Retry,
                new RequestBudgetHandler(Budgets, new BearerTokenHandler(tokens, new RequestLoggingHandler(transport)))),
            disposeHandler: true);
        ConnectedAtUtc = DateTime.UtcNow;
    }

    public string TenantId { get; }

    public string ClientId { get; }

    /// <summary>The SIEM API region used when a cmdlet does not name one.</summary>
    public SiemRegion Region { get; }

    public CloudEnvironment Environment { get; }

    public ServiceEndpoints Endpoints { get; }

    public string AuthenticationMethod => "ClientSecret";

    public DateTime ConnectedAtUtc { get; }

    internal IAccessTokenSource Tokens { get; }

    internal HttpClient Http { get; }

    /// <summary>Call budgets per API, shared by every cmdlet using this connection.</summary>
    internal ConcurrentDictionary<string, RequestBudget> Budgets { get; } = new(StringComparer.Ordinal);

    /// <summary>Validates the settings, signs in once (so bad credentials fail here, not at the first pull).</summary>
    public static async Task<MdeSiemConnection> ConnectAsync(ConnectionSettings settings, CancellationToken cancellationToken)
    {
        if (settings is null)
        {
            throw new ArgumentNullException(nameof(settings));
        }

        var endpoints = ResolveEndpoints(settings);
        if (settings.ClientSecret is null)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "A client secret is required.");
        }

        var transport = TransportFactory.Create(settings.SkipCertificateCheck);
        var tokens = new ClientSecretTokenSource(settings.TenantId, settings.ClientId, settings.ClientSecret, endpoints, transport);
        var connection = new MdeSiemConnection(settings, endpoints, tokens, transport);
        try
        {
            await tokens.GetAccessTokenAsync(ServiceEndpoints.SiemResource, forceRefresh: false, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose() => Http.Dispose();

    public override string ToString() => $"{TenantId} ({Environment}, {Region})";

    private static ServiceEndpoints ResolveEndpoints(ConnectionSettings settings)
    {
        if (settings.SkipCertificateCheck && (settings.EndpointUri is null || !TransportFactory.IsLoopback(settings.EndpointUri)))
        {
            throw new MdeSiemException(
                ErrorCode.CertificateCheckNotAllowed,
                "SkipCertificateCheck is accepted only with an -EndpointUri on this machine (loopback): it would expose tokens to anyone on the network path.")
            {
                RecommendedAction = "Remove -SkipCertificateCheck, or trust the service's certificate.",
                Target = settings.EndpointUri,
            };
        }

        return settings.EndpointUri is null
            ? ServiceEndpoints.ForCloud(settings.Environment)
            : ServiceEndpoints.ForCustomBase(settings.EndpointUri);
    }
}
