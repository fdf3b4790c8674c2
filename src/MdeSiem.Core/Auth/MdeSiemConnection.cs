using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
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
    private readonly TrackedTokenSource _tracked;

    private MdeSiemConnection(ConnectionSettings settings, ServiceEndpoints endpoints, IAccessTokenSource tokens, HttpMessageHandler transport)
    {
        Name = settings.Name;
        AuthenticationMethod = settings.Flow;
        TenantId = settings.TenantId;
        ClientId = settings.ClientId;
        _tracked = new TrackedTokenSource(tokens);
        tokens = _tracked;
        Region = settings.Region;
        Environment = settings.Environment;
        SkipsLoopbackCertificateCheck = settings.SkipCertificateCheck;
        Endpoints = endpoints;
        BudgetTimeScale = settings.RequestBudgetTimeScale;
        BodyTimeout = settings.BodyTimeout > TimeSpan.Zero ? settings.BodyTimeout : ConnectionSettings.DefaultBodyTimeout;
        TokenSource = tokens;
        // Retry outermost so every attempt waits for the call budget and gets a current token; logging innermost
        // so every attempt is logged.
        Http = new HttpClient(
            new RetryHandler(
                settings.Retry,
                new RequestBudgetHandler(Budgets, new BearerTokenHandler(tokens, new ClientHeadersHandler(settings.HostProduct, new RequestLoggingHandler(transport))), api => RequestBudget.ForApi(api, BudgetTimeScale))),
            disposeHandler: true);
        ConnectedAtUtc = DateTime.UtcNow;
    }

    /// <summary>The name given with Connect-MdeSiem -Name; null for an unnamed connection.</summary>
    public string? Name { get; }

    /// <summary>The tenant given, or (managed identity, ready token, delegated sign-in) the one the token names.</summary>
    public string TenantId { get; private set; }

    /// <summary>The application given, or the one the token was issued to (system-assigned managed identity).</summary>
    public string ClientId { get; private set; }

    /// <summary>The SIEM API region used when a cmdlet does not name one.</summary>
    public SiemRegion Region { get; }

    public CloudEnvironment Environment { get; }

    public ServiceEndpoints Endpoints { get; }

    public AuthenticationFlow AuthenticationMethod { get; }

    /// <summary>Expiry, roles and scopes of the token held for each audience used so far; never the token.</summary>
    public IReadOnlyList<AccessTokenInfo> Tokens => _tracked.Seen;

    /// <summary>Every application role granted in the tokens acquired so far.</summary>
    public IReadOnlyList<string> Roles => Tokens.SelectMany(token => token.Roles).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Every delegated scope granted in the tokens acquired so far.</summary>
    public IReadOnlyList<string> Scopes => Tokens.SelectMany(token => token.Scopes).Distinct(StringComparer.Ordinal).ToList();

    public DateTime ConnectedAtUtc { get; }

    /// <summary>How long a response body may stall while it is read (see <see cref="ConnectionSettings.BodyTimeout"/>).</summary>
    public TimeSpan BodyTimeout { get; }

    internal IAccessTokenSource TokenSource { get; }

    /// <summary>Connect-MdeSiem -SkipCertificateCheck: other clients of the connection (blob storage) skip it for loopback too.</summary>
    internal bool SkipsLoopbackCertificateCheck { get; }

    internal HttpClient Http { get; }

    /// <summary>
    /// Test-only: multiplies the budgets' periods, to match a simulator whose limit windows are scaled down the same
    /// way. Set it before the first call of an API; budgets are created at their first call.
    /// </summary>
    internal double BudgetTimeScale { get; set; }

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
        var transport = TransportFactory.Create(settings.SkipCertificateCheck);
        var tokens = TokenSourceFactory.Create(settings, endpoints, transport);
        var connection = new MdeSiemConnection(settings, endpoints, tokens, transport);
        try
        {
            var token = await connection.TokenSource.GetAccessTokenAsync(ServiceEndpoints.SiemResource, forceRefresh: false, cancellationToken).ConfigureAwait(false);
            connection.FillIdentityFrom(JwtClaims.TryRead(token));
            return connection;
        }
        catch (HttpRequestException exception)
        {
            // MSAL lets transport failures through (untrusted certificate, connection refused, DNS): the same
            // ConnectionFailed, with the transport's own reason, that a pull reports for them.
            connection.Dispose();
            throw HttpFailureTranslator.FromTransport(exception, endpoints.AuthorityHost, timedOut: false);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Forgets every cached token and account (Disconnect-MdeSiem); the connection cannot be used again.</summary>
    public async Task SignOutAsync()
    {
        _tracked.Forget();
        if (_tracked.Inner is ISignOutTokenSource signOut)
        {
            await signOut.SignOutAsync().ConfigureAwait(false);
        }
    }

    /// <summary>False once disconnected (or replaced by a connection of the same name): it cannot be used again.</summary>
    public bool IsConnected { get; private set; } = true;

    private void FillIdentityFrom(JwtClaims? claims)
    {
        // Flows that need no tenant or client id up front learn them from the first token.
        if (claims?.TenantId is { Length: > 0 } tenantId && (TenantId.Length == 0 || AuthenticationMethod is AuthenticationFlow.DeviceCode or AuthenticationFlow.Interactive))
        {
            TenantId = tenantId;
        }

        if (ClientId.Length == 0 && claims?.ClientId is { Length: > 0 } clientId)
        {
            ClientId = clientId;
        }
    }

    public void Dispose()
    {
        IsConnected = false;
        Http.Dispose();
    }

    public override string ToString() => Name is null
        ? $"{TenantId} ({AuthenticationMethod}, {Environment}, {Region})"
        : $"{Name}: {TenantId} ({AuthenticationMethod}, {Environment}, {Region})";

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
