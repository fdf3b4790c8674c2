using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Simulator.Hosting;
using MdeSiem.Simulator.Identity;
using MdeSiem.Simulator.Siem;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MdeSiem.Simulator;

/// <summary>
/// A Defender for Endpoint tenant on loopback HTTPS: Entra ID's token endpoints (v1 and v2) and the SIEM API's
/// GET /api/alerts, serving records from a <see cref="SiemAlertGenerator"/>. Start one per test or per program run.
/// </summary>
public sealed class SimulatedTenant : IAsyncDisposable
{
    private const string DefaultUnmanagedTenantId = "0b8f3a5e-7d21-4e6c-a9f4-5c3e2d1b0a99";
    private const string DefaultUnmanagedClientId = "c2d9e4f1-3b6a-4f87-8e21-9a0b7c6d5e4f";

    private readonly WebApplication app;
    private readonly SimulatorServices services;
    private readonly X509Certificate2 certificate;
    private readonly object batchGate = new();

    private SimulatedTenant(WebApplication app, SimulatorServices services, X509Certificate2 certificate, Uri baseUri)
    {
        this.app = app;
        this.services = services;
        this.certificate = certificate;
        BaseUri = baseUri;
    }

    /// <summary>The root of every endpoint, e.g. https://127.0.0.1:54321/; the authority is BaseUri + TenantId.</summary>
    public Uri BaseUri { get; }

    public string TenantId => services.Directory.ManagedApp.TenantId;

    public string ClientId => services.Directory.ManagedApp.ClientId;

    public string ClientSecret => services.Directory.ManagedApp.ClientSecret;

    /// <summary>
    /// Null when <paramref name="accessToken"/> is one this tenant issued for Event Hubs (audience
    /// https://eventhubs.azure.net) and still valid; otherwise why not. The simulated hub's check of "jwt" tokens.
    /// </summary>
    public string? CheckEventHubsToken(string accessToken)
    {
        TokenCheck check = services.EventHubsTokens.Check("Bearer " + accessToken);
        return check.Outcome == TokenOutcome.Valid ? null : check.Message;
    }

    /// <summary>A tenant whose app gets tokens, but which the SIEM API does not serve (403).</summary>
    public string UnmanagedTenantId => services.Directory.UnmanagedApp.TenantId;

    public string UnmanagedClientId => services.Directory.UnmanagedApp.ClientId;

    public string UnmanagedClientSecret => services.Directory.UnmanagedApp.ClientSecret;

    /// <summary>The records generated at start; expected values in tests come from here.</summary>
    public SiemAlertGenerator Generator => services.Alerts.Snapshot[0];

    /// <summary>The generated set followed by every batch added with <see cref="AddLateAlerts"/>.</summary>
    public IReadOnlyList<SiemAlertGenerator> Batches => services.Alerts.Snapshot;

    /// <summary>The self-signed server certificate, for clients that prefer pinning it to skipping validation.</summary>
    public X509Certificate2 Certificate => certificate;

    /// <summary>The managed-identity endpoint to put in IDENTITY_ENDPOINT (App Service style, api-version 2019-08-01).</summary>
    public Uri ManagedIdentityEndpoint => new(BaseUri, Identity.ManagedIdentityEndpoint.Path.TrimStart('/'));

    /// <summary>The secret to put in IDENTITY_HEADER.</summary>
    public string ManagedIdentityHeader => services.ManagedIdentity.Secret;

    public string SystemAssignedIdentityClientId => services.ManagedIdentity.SystemAssignedClientId;

    /// <summary>The one user-assigned identity attached to the simulated resource.</summary>
    public string UserAssignedIdentityClientId => services.ManagedIdentity.UserAssignedClientId;

    /// <summary>The user delegated flows sign in as.</summary>
    public string UserName => DelegatedSignIns.UserName;

    /// <summary>Device-code sign-ins waiting for the user: their user codes.</summary>
    public IReadOnlyList<string> PendingDeviceCodes => services.SignIns.PendingUserCodes;

    /// <summary>Uploads a certificate's public part to the managed app: client assertions it signs are accepted.</summary>
    public void RegisterCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        services.Certificates.Register(certificate);
    }

    /// <summary>The user enters the code and consents; false when no sign-in waits with that code.</summary>
    public bool ApproveDeviceCode(string userCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(userCode);
        return services.SignIns.Approve(userCode);
    }

    /// <summary>Every access, id and refresh token, device code and authorization code issued so far.</summary>
    public IReadOnlyList<string> IssuedSecrets => services.Issued.Snapshot();

    /// <summary>Every request answered so far, oldest first (logged when its response completes).</summary>
    public IReadOnlyList<RecordedRequest> Requests => services.Log.Snapshot();

    public static async Task<SimulatedTenant> StartAsync(SimulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        DateTime endTimeUtc = options.EndTimeUtc ?? TruncateToSeconds(options.Clock.GetUtcNow().UtcDateTime);
        var generator = new SiemAlertGenerator(options.Seed, options.AlertCount, endTimeUtc, options.Span);
        var directory = new AppDirectory(
            new RegisteredApp(options.TenantId, options.ClientId, options.ClientSecret ?? SecretGenerator.NewSecret(), Guid.NewGuid().ToString()),
            new RegisteredApp(DefaultUnmanagedTenantId, DefaultUnmanagedClientId, SecretGenerator.NewSecret(), Guid.NewGuid().ToString()));
        var services = new SimulatorServices(directory, options.Clock, options.TokenLifetime, generator, options.RateLimitTimeScale, options.RateLimitClock, new Hunting.HuntingSettings(options.HuntingRowLimit, options.HuntingSchemaPascalCase, options.HuntingTimespanEndInclusive), options.GraphDivergences);
        services.IgnoresOrderBy = options.OrderBy == OrderByHandling.IgnoredNewestFirst;
        if (options.HuntingCpuQueriesPerCycle is { } cpuQueries)
        {
            services.Limits.Limit(Hunting.HuntingEndpoint.CpuLimitName, cpuQueries, TimeSpan.FromTicks((long)(Hunting.HuntingEndpoint.CpuCycle.Ticks * options.RateLimitTimeScale)));
        }

        if (options.GraphRateLimitWindow is { } graphWindow)
        {
            services.Limits.Limit(Graph.GraphEndpoints.RateLimitName, Graph.GraphEndpoints.RequestsPerWindow, graphWindow);
        }

        X509Certificate2 certificate = LoopbackCertificate.Create();
        Control.TestControlEndpoints? control = options.EnableTestControl ? new Control.TestControlEndpoints(services) : null;
        WebApplication app = Build(options.Port, certificate, services, control);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            certificate.Dispose();
            services.Dispose();
            throw;
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        var tenant = new SimulatedTenant(app, services, certificate, new Uri(address.TrimEnd('/') + "/"));
        if (control is not null)
        {
            control.AddLateAlerts = tenant.AddLateAlerts;
        }

        return tenant;
    }

    /// <summary>Makes <paramref name="fault"/> answer the next request to its target endpoint.</summary>
    public void EnqueueFault(SimulatedFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        services.Faults.Enqueue(fault);
    }

    public void ClearRequests() => services.Log.Clear();

    /// <summary>
    /// Adds <paramref name="count"/> records that become visible now although their LastProcessedTimeUtc lies in
    /// [now - <paramref name="spread"/>, now): records that reach the API late, behind a client's checkpoint.
    /// Their AlertIds never repeat earlier ones.
    /// </summary>
    public SiemAlertGenerator AddLateAlerts(int count, TimeSpan spread)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (batchGate)
        {
            int batchNumber = services.Alerts.Snapshot.Count;
            var batch = new SiemAlertGenerator(
                unchecked(Generator.Seed + (batchNumber * 1_000_003)),
                count,
                services.Clock.GetUtcNow().UtcDateTime,
                spread,
                alertNumberOffset: services.Alerts.TotalCount);
            services.Alerts.Add(batch);
            return batch;
        }
    }

    /// <summary>
    /// Writes every record of every batch, in API order, as one JSON array in the API's exact format: what a client
    /// pulling everything should end up with, obtained without going through the client.
    /// </summary>
    public void WriteAlertsFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var everything = new AlertQuery(DateTime.MinValue, DateTime.MaxValue, null, [], null, null);
        using FileStream file = File.Create(path);
        SiemRecordWriter.WriteArray(file, RecordSelection.Select(services.Alerts.Snapshot, everything).Select(position => position.Batch.GetRecord(position.Index)));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await app.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
            certificate.Dispose();
            services.Dispose();
        }
    }

    private static WebApplication Build(int port, X509Certificate2 certificate, SimulatorServices services, Control.TestControlEndpoints? control)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(SimulatedTenant).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Logs go to stderr so that the program's stdout stays one line of JSON; only problems are worth printing.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, ManualHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // A client that processes records slowly throttles the stream; that is not a reason to drop it.
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate));
        });

        WebApplication app = builder.Build();
        var tracking = new RequestTracking(services.Log, services.Clock);
        app.Use(tracking.InvokeAsync);
        services.MapEndpoints(app);
        control?.Map(app);
        return app;
    }

    private static DateTime TruncateToSeconds(DateTime timeUtc) =>
        new(timeUtc.Ticks - (timeUtc.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
