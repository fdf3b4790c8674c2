using System;
using System.Threading.Tasks;
using MdeSiem.Simulator.Graph;
using MdeSiem.Simulator.Hunting;
using MdeSiem.Simulator.Identity;
using MdeSiem.Simulator.Incidents;
using MdeSiem.Simulator.Mde;
using MdeSiem.Simulator.Siem;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MdeSiem.Simulator.Hosting;

/// <summary>The state one simulated tenant shares between its endpoints, and the routes that expose them.</summary>
internal sealed class SimulatorServices : IDisposable
{
    private readonly SigningKey signingKey = new();
    private readonly TokenEndpoint tokenEndpoint;
    private readonly DiscoveryEndpoints discoveryEndpoints;
    private readonly AlertsEndpoint alertsEndpoint;
    private readonly GraphEndpoints graphEndpoints;
    private readonly DeviceCodeEndpoint deviceCodeEndpoint;
    private readonly AuthorizeEndpoint authorizeEndpoint;
    private readonly MdeEndpoints mdeEndpoints;

    public SimulatorServices(AppDirectory directory, TimeProvider clock, TimeSpan tokenLifetime, SiemAlertGenerator generator, double rateLimitTimeScale = 1.0, TimeProvider? rateLimitClock = null, HuntingSettings? hunting = null, bool graphDivergences = false)
    {
        Directory = directory;
        Clock = clock;
        Alerts = new AlertStore(generator);
        // Call limits run on the real clock unless a test gives its own: clients wait in real time, whatever the
        // tenant's clock says.
        Limits = new RateLimiter(rateLimitClock ?? TimeProvider.System);
        // "List alerts API" (https://learn.microsoft.com/defender-endpoint/api/get-alerts): 100 calls per minute and
        // 1,500 calls per hour.
        Limits.Limit(MdeEndpoints.AlertsLimitName, 100, Scaled(TimeSpan.FromMinutes(1), rateLimitTimeScale));
        Limits.Limit(MdeEndpoints.AlertsLimitName, 1500, Scaled(TimeSpan.FromHours(1), rateLimitTimeScale));
        // "List incidents API" (https://learn.microsoft.com/defender-xdr/api-list-incidents): 50 calls per minute and
        // 1,500 calls per hour, as the incidents API page's quotas say too (https://learn.microsoft.com/defender-xdr/api-incident).
        Limits.Limit(MdeEndpoints.IncidentsLimitName, 50, Scaled(TimeSpan.FromMinutes(1), rateLimitTimeScale));
        Limits.Limit(MdeEndpoints.IncidentsLimitName, 1500, Scaled(TimeSpan.FromHours(1), rateLimitTimeScale));
        // Advanced hunting: 45 calls a minute and 1,500 an hour (https://learn.microsoft.com/en-us/defender-endpoint/api/run-advanced-query-api).
        Limits.Limit(HuntingEndpoint.RateLimitName, 45, Scaled(TimeSpan.FromMinutes(1), rateLimitTimeScale));
        Limits.Limit(HuntingEndpoint.RateLimitName, 1500, Scaled(TimeSpan.FromHours(1), rateLimitTimeScale));
        var issuer = new TokenIssuer(signingKey, clock, tokenLifetime, Issued);
        SignIns = new DelegatedSignIns(clock, Issued);
        var browserSignIns = new BrowserSignIns(clock, Issued);
        authorizeEndpoint = new AuthorizeEndpoint(directory, browserSignIns);
        ManagedIdentity = new ManagedIdentityEndpoint(directory, issuer);
        deviceCodeEndpoint = new DeviceCodeEndpoint(directory, SignIns);
        tokenEndpoint = new TokenEndpoint(
            new TokenRequestValidator(directory, new ClientAssertionValidator(Certificates)),
            issuer,
            Faults,
            new DelegatedTokenGrant(directory, SignIns, issuer, browserSignIns));
        discoveryEndpoints = new DiscoveryEndpoints(directory, signingKey);
        var validator = new AccessTokenValidator(signingKey, clock, directory, KnownResources.IsSiemAudience);
        alertsEndpoint = new AlertsEndpoint(validator, Alerts, Faults, clock);
        GraphAlerts = new GraphAlertStore(Alerts, directory.ManagedApp.TenantId, graphDivergences);
        var graphValidator = new AccessTokenValidator(signingKey, clock, directory, audience => audience == KnownResources.MicrosoftGraph);
        EventHubsTokens = new AccessTokenValidator(signingKey, clock, directory, audience => audience == KnownResources.EventHubs);
        var huntingEndpoint = new HuntingEndpoint(Alerts, directory.ManagedApp.TenantId, () => clock.GetUtcNow().UtcDateTime, hunting ?? new HuntingSettings(100000, PascalCaseSchema: false, EndInclusive: false), Limits);
        graphEndpoints = new GraphEndpoints(graphValidator, GraphAlerts, Faults, clock, Limits, IncidentChanges, huntingEndpoint);
        mdeEndpoints = new MdeEndpoints(
            new AccessTokenValidator(signingKey, clock, directory, audience => audience == KnownResources.SecurityCenter),
            new AccessTokenValidator(signingKey, clock, directory, audience => audience == KnownResources.DefenderXdr),
            GraphAlerts,
            Faults,
            clock,
            Limits,
            IncidentChanges);
    }

    private static TimeSpan Scaled(TimeSpan period, double scale) => TimeSpan.FromTicks((long)(period.Ticks * scale));

    /// <summary>Graph's security collections and the Defender APIs ignore $orderby (see <see cref="OrderByHandling"/>).</summary>
    public bool IgnoresOrderBy
    {
        set
        {
            graphEndpoints.IgnoresOrderBy = value;
            mdeEndpoints.IgnoresOrderBy = value;
        }
    }

    public AppDirectory Directory { get; }

    /// <summary>Checks the bearer tokens an Event Hubs client puts on the simulated hub's $cbs node.</summary>
    public AccessTokenValidator EventHubsTokens { get; }

    public TimeProvider Clock { get; }

    public AlertStore Alerts { get; }

    public FaultQueue Faults { get; } = new();

    /// <summary>The incident changes made through Graph or the Defender XDR incidents API, shown by both.</summary>
    public IncidentChangeStore IncidentChanges { get; } = new();

    /// <summary>Per-API request limits (none unless the options ask for them).</summary>
    public RateLimiter Limits { get; }

    /// <summary>The Graph security API's view of <see cref="Alerts"/>, with the updates made through it.</summary>
    public GraphAlertStore GraphAlerts { get; }

    /// <summary>Certificates registered for the managed app's client assertions.</summary>
    public CertificateRegistry Certificates { get; } = new();

    public DelegatedSignIns SignIns { get; }

    public ManagedIdentityEndpoint ManagedIdentity { get; }

    public RequestLog Log { get; } = new();

    /// <summary>Every token and code handed out, for tests that scan a client's output for them.</summary>
    public IssuedSecrets Issued { get; } = new();

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/{tenant}/oauth2/token", tokenEndpoint.HandleV1Async);
        routes.MapPost("/{tenant}/oauth2/v2.0/token", tokenEndpoint.HandleV2Async);
        routes.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", context => discoveryEndpoints.OpenIdConfigurationAsync(context, isV2: true));
        routes.MapGet("/{tenant}/.well-known/openid-configuration", context => discoveryEndpoints.OpenIdConfigurationAsync(context, isV2: false));
        routes.MapGet("/{tenant}/discovery/instance", discoveryEndpoints.InstanceAsync);
        routes.MapGet("/{tenant}/discovery/keys", discoveryEndpoints.KeysAsync);
        routes.MapGet("/{tenant}/discovery/v2.0/keys", discoveryEndpoints.KeysAsync);
        routes.MapPost("/{tenant}/oauth2/v2.0/devicecode", deviceCodeEndpoint.HandleAsync);
        routes.MapGet(AuthorizeEndpoint.Path, authorizeEndpoint.ShowSignInPageAsync);
        routes.MapGet(AuthorizeEndpoint.DecisionPath, authorizeEndpoint.DecideAsync);
        routes.MapGet(TestOnlyEndpoints.IssuedSecretsPath, context => TestOnlyEndpoints.IssuedSecretsAsync(context, Issued));
        routes.MapGet(TestOnlyEndpoints.PendingDeviceCodesPath, context => TestOnlyEndpoints.PendingDeviceCodesAsync(context, SignIns));
        routes.MapGet(DeviceLoginEndpoint.Path, DeviceLoginEndpoint.ShowAsync);
        routes.MapPost(DeviceLoginEndpoint.Path, new DeviceLoginEndpoint(SignIns).ApproveAsync);
        routes.MapGet(ManagedIdentityEndpoint.Path, ManagedIdentity.HandleAsync);
        routes.MapGet("/api/alerts", alertsEndpoint.HandleAsync);
        graphEndpoints.Map(routes);
        mdeEndpoints.Map(routes);
        routes.MapFallback(NotFoundAsync);
    }

    public void Dispose() => signingKey.Dispose();

    private static Task NotFoundAsync(HttpContext context) =>
        new SiemError(StatusCodes.Status404NotFound, "NotFound", $"No resource at '{context.Request.Path}'.").WriteAsync(context);
}
