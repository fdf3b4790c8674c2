using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Graph;
using MdeSiem.Simulator;
using MdeSiem.Tests.Checkpoints;
using MdeSiem.Tests.Graph;
using MdeSiem.Tests.Simulator;
using Xunit;

namespace MdeSiem.Tests.Cmdlets;

/// <summary>
/// Get-DefenderAlert -Checkpoint in a hosted engine against an in-process tenant whose clock the test moves: the
/// token the module holds expires between two pages of one pull. Ground truth: the generator's records grouped by
/// AlertId (GraphExpectations), not the simulator's Graph code and not the module.
/// </summary>
public sealed class GraphCheckpointedPullTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 400, Seed = 31, Clock = _clock });
        _engine = new HostedEngine();
        _engine.ConnectTo(_tenant, "-MaxRetryCount 0");
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
        _folder.Dispose();
    }

    private EngineResult Run() => _engine.Run(
        "Get-DefenderAlert -Checkpoint $path -UpdatedAfter ([DateTime]::UtcNow.AddHours(-8)) -AvailabilityLag 0 -Top 25",
        ("path", _folder.File("graph.json")));

    private static IEnumerable<string> KeysOf(EngineResult result) =>
        result.OutputOf<DefenderAlert>().Select(alert => GraphCheckpointScope.KeyOf(alert.Id, alert.LastUpdateDateTime));

    [Fact]
    public async Task A_token_that_expires_between_pages_is_refreshed_and_every_alert_is_delivered_once()
    {
        // The third page waits in the simulator; meanwhile its clock passes the token's expiry.
        _tenant.EnqueueFault(new SimulatedFault { Target = FaultTarget.GraphApi, RequestContains = "lastUpdateDateTime ge", AfterMatchingRequests = 2, Delay = TimeSpan.FromSeconds(4) });
        _tenant.ClearRequests();
        var pull = Task.Run(Run);
        while (_tenant.Requests.Count(request => request.Path.EndsWith("alerts_v2", StringComparison.Ordinal)) < 2 && !pull.IsCompleted)
        {
            await Task.Delay(20);
        }

        _clock.Advance(TimeSpan.FromHours(2));
        var first = await pull;
        var second = Run();

        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
        Assert.Empty(second.Output);
        var graphStatuses = _tenant.Requests.Where(r => r.Path.EndsWith("alerts_v2", StringComparison.Ordinal)).Select(r => r.StatusCode).ToList();
        Assert.Contains(401, graphStatuses);
        Assert.Contains(_tenant.Requests, r => r.Path.Contains("/token", StringComparison.Ordinal));
        var expected = GraphExpectations.AlertsOf(_tenant.Batches).Select(alert => GraphCheckpointScope.KeyOf(alert.Id, alert.LastActivityDateTime));
        Assert.Equal(expected.OrderBy(key => key, StringComparer.Ordinal), KeysOf(first).OrderBy(key => key, StringComparer.Ordinal));
    }

    [Fact]
    public void A_checkpoint_of_Graph_incidents_is_refused_by_an_alerts_pull()
    {
        var incidents = _engine.Run("Get-DefenderIncident -Checkpoint $path -UpdatedAfter ([DateTime]::UtcNow.AddHours(-8)) -AvailabilityLag 0", ("path", _folder.File("graph.json")));
        Assert.Empty(incidents.Errors);

        var alerts = Run();

        var error = Assert.Single(alerts.Errors);
        Assert.StartsWith("MdeSiem.CheckpointMismatch,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(alerts.Output);
    }
}
