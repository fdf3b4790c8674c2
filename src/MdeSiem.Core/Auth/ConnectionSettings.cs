using System;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.Auth;

/// <summary>What a user gives to connect: the flow and the one credential that flow needs.</summary>
public sealed class ConnectionSettings
{
    /// <summary>The name the session keeps the connection under; null keeps it as the default only.</summary>
    public string? Name { get; set; }

    public AuthenticationFlow Flow { get; set; } = AuthenticationFlow.ClientSecret;

    /// <summary>The tenant id or domain; "organizations" is used for delegated flows when it is empty.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The application (client) id; for managed identity, the user-assigned identity's client id or empty.</summary>
    public string ClientId { get; set; } = string.Empty;

    public SecureString? ClientSecret { get; set; }

    /// <summary>A certificate with its private key, for <see cref="AuthenticationFlow.Certificate"/>.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>A ready bearer token, for <see cref="AuthenticationFlow.AccessToken"/>.</summary>
    public SecureString? AccessToken { get; set; }

    /// <summary>
    /// Receives the device-code instructions ("To sign in, use a web browser to open ..."). Called on a worker
    /// thread: the caller queues the text and shows it from its own thread.
    /// </summary>
    public Func<string, CancellationToken, Task>? DeviceCodeCallback { get; set; }

    public SiemRegion Region { get; set; } = SiemRegion.US;

    public CloudEnvironment Environment { get; set; } = CloudEnvironment.Global;

    /// <summary>Serve every endpoint from this base URI instead of the cloud's hosts.</summary>
    public Uri? EndpointUri { get; set; }

    /// <summary>Accept an untrusted certificate; allowed only when <see cref="EndpointUri"/> is loopback.</summary>
    public bool SkipCertificateCheck { get; set; }

    /// <summary>
    /// How long a response body may send nothing while it is read before the read fails with
    /// ResponseBodyTimeout. HttpClient's own timeout ends when the headers arrive, so without this a server that
    /// hangs mid-body would hang a scheduled run for ever.
    /// </summary>
    public TimeSpan BodyTimeout { get; set; } = DefaultBodyTimeout;

    /// <summary>The body timeout used when none is given: HttpClient's default request timeout.</summary>
    public static TimeSpan DefaultBodyTimeout => TimeSpan.FromSeconds(100);

    /// <summary>The caller's product token for the User-Agent after the module's own, e.g. "PowerShell/7.6.9".</summary>
    public string? HostProduct { get; set; }

    /// <summary>How throttling and service failures are retried.</summary>
    public RetrySettings Retry { get; set; } = new();

    /// <summary>
    /// Test-only: multiplies the periods of the documented call limits (1 = real time). Tests shrink them together
    /// with the simulator's (SimulatorOptions.RateLimitTimeScale) to prove in seconds that an hour-long pull stays
    /// under the limits.
    /// </summary>
    internal double RequestBudgetTimeScale { get; set; } = 1.0;
}
