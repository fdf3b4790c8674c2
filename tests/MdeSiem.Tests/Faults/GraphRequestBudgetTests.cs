using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Graph;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using MdeSiem.Tests.Graph;
using Xunit;
using Xunit.Abstractions;

namespace MdeSiem.Tests.Faults;

/// <summary>
/// The request budget proven where it matters: a pull of 30,000 Graph alerts in pages of 100 (300 calls) against a
/// simulator that enforces Graph's 150-requests limit with 429. Both sides' windows are scaled from a minute down to
/// a few seconds by the same factor, so the pull must wait for the budget and takes seconds, not minutes.
/// </summary>
public sealed class GraphRequestBudgetTests
{
    // A minute becomes 6 s on both sides. On a quiet machine 150 calls take well under that, so the budget must
    // wait; on a very busy one the pull may be slower than the limit and need no wait (the output says which).
    private const double TimeScale = 1.0 / 10;
    private const int Alerts = 30_000;

    // Seed 51's records group into exactly 30,000 alerts (checked against the generator below).
    private const int RecordsForThirtyThousandAlerts = 50_876;

    private readonly ITestOutputHelper _output;

    public GraphRequestBudgetTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task A_30000_alert_pull_in_small_pages_never_trips_the_150_per_window_limit()
    {
        var end = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var options = new SimulatorOptions
        {
            AlertCount = RecordsForThirtyThousandAlerts,
            Seed = 51,
            EndTimeUtc = end,
            Span = TimeSpan.FromHours(6),
            GraphRateLimitWindow = TimeSpan.FromMinutes(1) * TimeScale,
        };
        await using var tenant = await SimulatedTenant.StartAsync(options);
        var expected = GraphExpectations.AlertsOf(tenant.Batches).Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        Assert.Equal(Alerts, expected.Count);
        using var engine = new HostedEngine();
        engine.ConnectTo(tenant, "-MaxRetryCount 0");
        var connection = (MdeSiemConnection)engine.Run("Get-MdeSiemConnection").Output.Single().BaseObject;
        connection.BudgetTimeScale = TimeScale;

        var stopwatch = Stopwatch.StartNew();
        var result = engine.Run("Get-DefenderAlert -All -Top 100 -Verbose");
        _output.WriteLine($"Pull took {stopwatch.Elapsed}.");

        Assert.Empty(result.Errors);
        var ids = result.OutputOf<DefenderAlert>().Select(alert => alert.Id).ToList();
        Assert.Equal(expected, ids.OrderBy(id => id, StringComparer.Ordinal));
        var calls = tenant.Requests.Where(request => request.Path.StartsWith("/v1.0/security/", StringComparison.Ordinal)).ToList();
        Assert.True(calls.Count > 2 * 150, $"{calls.Count} calls");
        Assert.DoesNotContain(calls, request => request.StatusCode == 429);
        Assert.All(calls, request => Assert.Equal(200, request.StatusCode));

        // The same from the arrival times in the log: no window's length ever held more than 150 calls.
        var window = TimeSpan.FromMinutes(1) * TimeScale;
        var arrivals = calls.Select(call => call.ReceivedUtc).OrderBy(time => time).ToList();
        var busiest = Enumerable.Range(0, arrivals.Count).Max(i => arrivals.Skip(i).TakeWhile(time => time - arrivals[i] < window).Count());
        var waited = result.Verbose.Any(line => line.StartsWith("Waiting", StringComparison.Ordinal) && line.Contains("GraphSecurity call budget", StringComparison.Ordinal));
        _output.WriteLine($"{calls.Count} calls; busiest window held {busiest}; the budget waited: {waited}.");
        Assert.InRange(busiest, 1, 150);
    }

    [Fact]
    public async Task Without_the_budget_the_same_simulator_refuses_the_151st_call_in_a_window()
    {
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 50, Seed = 52, GraphRateLimitWindow = TimeSpan.FromMinutes(1) });
        using var engine = new HostedEngine();
        engine.ConnectTo(tenant, "-MaxRetryCount 0");
        var connection = (MdeSiemConnection)engine.Run("Get-MdeSiemConnection").Output.Single().BaseObject;

        // A budget a hundred times too generous stands in for a client without one.
        connection.BudgetTimeScale = 0.01;
        var result = engine.Run("1..151 | ForEach-Object { Get-DefenderAlert -Top 1 -ErrorAction Continue } | Out-Null");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("MdeSiem.Throttled,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(new[] { 429 }, tenant.Requests.Where(r => r.StatusCode != 200 && r.Path.StartsWith("/v1.0/", StringComparison.Ordinal)).Select(r => r.StatusCode));
    }
}
