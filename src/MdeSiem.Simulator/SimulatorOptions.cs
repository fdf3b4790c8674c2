using System;

namespace MdeSiem.Simulator;

/// <summary>How to start a <see cref="SimulatedTenant"/>. Every default gives a ready-to-use tenant.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The loopback port; 0 lets the system pick a free one (read it from <see cref="SimulatedTenant.BaseUri"/>).</summary>
    public int Port { get; set; }

    /// <summary>The number of records the SIEM API holds (the API calls each an alert; several can share an AlertId).</summary>
    public int AlertCount { get; set; } = 200;

    /// <summary>Same seed, count, end time and span: the same records, byte for byte.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>
    /// The end of the records' LastProcessedTimeUtc range; null means the clock's time at start, truncated to whole
    /// seconds, so the newest records fall inside the API's default two-hour window. A later time makes records
    /// appear as the clock reaches them.
    /// </summary>
    public DateTime? EndTimeUtc { get; set; }

    /// <summary>Records' LastProcessedTimeUtc is spread evenly over [EndTimeUtc - Span, EndTimeUtc).</summary>
    public TimeSpan Span { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Access token lifetime, Entra's usual 3599 seconds by default; shorten it to test token refresh.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromSeconds(3599);

    /// <summary>The registered app's secret; null makes a random 40-character secret per start.</summary>
    public string? ClientSecret { get; set; }

    public string TenantId { get; set; } = "6f1c4f2e-8a0b-4c57-9d3e-2b7a9e1c5d40";

    public string ClientId { get; set; } = "35e0f735-5fe4-4693-9e68-3de80f1d3745";

    /// <summary>
    /// The simulator's idea of now: token times, the API's default window and its "until now" bound. Tests can pass
    /// a TimeProvider they move by hand to expire tokens or let time pass without waiting, or a
    /// <see cref="StartingClock"/> (the program's <c>--now</c>) to run at a chosen hour of the day.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Multiplies the periods of the Defender APIs' call limits (alerts 100 a minute and 1,500 an hour, incidents 50 a
    /// minute and 1,500 an hour; 1 = as documented). They run on <see cref="RateLimitClock"/>, not <see cref="Clock"/>.
    /// Tests shrink them, with the client's budget shrunk alike, to prove in seconds that a long pull never trips a 429.
    /// </summary>
    public double RateLimitTimeScale { get; set; } = 1.0;

    /// <summary>
    /// The clock the call limits' windows run on: the real one by default, because clients wait for room in real
    /// time. A test that checks a limit itself (1,500 an hour) moves a clock of its own instead of waiting an hour.
    /// </summary>
    public TimeProvider RateLimitClock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Maps the test-only control endpoints under /_test (faults, late alerts, Graph ground truth) for tests that run
    /// the simulator as a program; off by default.
    /// </summary>
    public bool EnableTestControl { get; set; }

    /// <summary>
    /// When set, Microsoft Graph's security API answers 429 (with Retry-After) once 150 requests were accepted within
    /// any such window, like the real 150 per minute. A window shorter than a minute scales the limit down in time
    /// for fast tests (the client's budget period must be scaled the same way). Null: no limit.
    /// </summary>
    public TimeSpan? GraphRateLimitWindow { get; set; }

    /// <summary>
    /// The most rows one runHuntingQuery answer holds; longer results are cut to it. The API pages document
    /// 100,000 (https://learn.microsoft.com/en-us/defender-xdr/api-advanced-hunting), the portal's limits page
    /// 30,000; tests set a small limit to cut results of a small tenant.
    /// </summary>
    public int HuntingRowLimit { get; set; } = 100000;

    /// <summary>
    /// The runHuntingQuery reference shows the schema's keys both as name/type and as Name/Type: false (default)
    /// writes name/type, true Name/Type.
    /// </summary>
    public bool HuntingSchemaPascalCase { get; set; }

    /// <summary>
    /// Whether a runHuntingQuery Timespan's end is inclusive (the reference does not say): false (default) keeps
    /// rows in [start, end), true in [start, end].
    /// </summary>
    public bool HuntingTimespanEndInclusive { get; set; }

    /// <summary>
    /// The tenant's advanced hunting CPU allocation, as the number of queries it allows per 15-minute cycle (scaled
    /// by <see cref="RateLimitTimeScale"/>); past it runHuntingQuery answers 429 with Retry-After and a body naming
    /// the CPU limit. Null (default): no CPU limit.
    /// </summary>
    public int? HuntingCpuQueriesPerCycle { get; set; }

    /// <summary>Makes Graph's alerts differ from the SIEM records as real tenants do (Graph/GraphDivergences.cs); off by default.</summary>
    public bool GraphDivergences { get; set; }

    /// <summary>Whether Graph's security collections and the Defender APIs apply $orderby or answer newest first (see <see cref="OrderByHandling"/>).</summary>
    public OrderByHandling OrderBy { get; set; } = OrderByHandling.Honoured;


    internal void Validate()
    {
        if (GraphRateLimitWindow is { } window)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        }

        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535);
        ArgumentOutOfRangeException.ThrowIfNegative(AlertCount);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Span, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TokenLifetime, TimeSpan.Zero);
        ArgumentException.ThrowIfNullOrWhiteSpace(TenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(ClientId);
        ArgumentNullException.ThrowIfNull(Clock);
        ArgumentNullException.ThrowIfNull(RateLimitClock);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RateLimitTimeScale);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HuntingRowLimit);
        if (HuntingCpuQueriesPerCycle is { } cpuQueries)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cpuQueries);
        }
        if (ClientSecret is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(ClientSecret);
        }
    }
}
