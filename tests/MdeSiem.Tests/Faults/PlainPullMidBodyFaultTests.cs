using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Siem;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using MdeSiem.Tests.Graph;
using Xunit;

namespace MdeSiem.Tests.Faults;

/// <summary>
/// The mid-body faults on plain pulls (no checkpoint), SIEM and Graph: the error is the module's own, with its id
/// and category, says what came through, and never a raw .NET exception; a stall past the body timeout ends the
/// pull instead of hanging it.
/// </summary>
public sealed class PlainPullMidBodyFaultTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 600, Seed = 43, Span = TimeSpan.FromHours(6) });
        _engine = new HostedEngine();
        _engine.ConnectTo(_tenant, "-MaxRetryCount 0 -BodyTimeoutSec 5");
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
    }

    [Theory]
    [InlineData("reset", "MdeSiem.IncompleteResponse", ErrorCategory.InvalidResult)]
    [InlineData("stall", "MdeSiem.ResponseBodyTimeout", ErrorCategory.OperationTimeout)]
    public void A_SIEM_pull_broken_mid_body_says_how_many_records_came_through(string fault, string errorId, ErrorCategory category)
    {
        _tenant.EnqueueFault(Fault(fault, FaultTarget.SiemApi));

        var result = _engine.Run("Get-MdeSiemAlert -SinceTimeUtc ([DateTime]::UtcNow.AddDays(-1)) -WarningAction SilentlyContinue");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.IsType<MdeSiemException>(error.Exception);
        var delivered = result.OutputOf<MdeSiemAlert>().Select(a => a.FullId).ToList();
        Assert.InRange(delivered.Count, 1, _tenant.Generator.Count - 1);
        Assert.Equal(_tenant.Generator.GetRecords().Take(delivered.Count).Select(r => r.FullId), delivered);
        Assert.Equal(delivered.Count, ((MdeSiemException)error.Exception).DeliveredCount);
    }

    [Theory]
    [InlineData("reset", "MdeSiem.IncompleteResponse", ErrorCategory.InvalidResult)]
    [InlineData("stall", "MdeSiem.ResponseBodyTimeout", ErrorCategory.OperationTimeout)]
    public void A_Graph_pull_broken_mid_page_is_the_modules_error_and_a_rerun_gets_everything(string fault, string errorId, ErrorCategory category)
    {
        var expected = GraphExpectations.AlertsOf(_tenant.Batches).Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        _tenant.EnqueueFault(Fault(fault, FaultTarget.GraphApi));

        var failed = _engine.Run("Get-DefenderAlert -All -Top 100");

        var error = Assert.Single(failed.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.IsType<MdeSiemException>(error.Exception);
        var partial = failed.OutputOf<DefenderAlert>().Select(alert => alert.Id!).ToList();
        Assert.InRange(partial.Count, 1, 99);
        Assert.Equal(partial.Count, ((MdeSiemException)error.Exception).DeliveredCount);
        Assert.Subset(expected.ToHashSet(StringComparer.Ordinal), partial.ToHashSet(StringComparer.Ordinal));

        var rerun = _engine.Run("Get-DefenderAlert -All -Top 100");
        Assert.Empty(rerun.Errors);
        Assert.Equal(expected, rerun.OutputOf<DefenderAlert>().Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void A_Defender_API_pull_that_stalls_mid_page_ends_with_the_body_timeout_and_a_rerun_gets_everything()
    {
        var expected = GraphExpectations.AlertsOf(_tenant.Batches).Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        _tenant.EnqueueFault(Fault("stall", FaultTarget.DefenderApi));

        var failed = _engine.Run("Get-MdeAlert -All -Top 100 -WarningAction SilentlyContinue");

        var error = Assert.Single(failed.Errors);
        Assert.StartsWith("MdeSiem.ResponseBodyTimeout,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.IsType<MdeSiemException>(error.Exception);

        var rerun = _engine.Run("Get-MdeAlert -All -Top 100 -WarningAction SilentlyContinue");
        Assert.Empty(rerun.Errors);
        Assert.Equal(expected, rerun.OutputOf<MdeSiem.Core.Mde.MdeAlert>().Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    /// <summary>Cuts or holds the body about 40 KB in: past the first few records, well before the end.</summary>
    private static SimulatedFault Fault(string kind, FaultTarget target) => kind == "reset"
        ? SimulatedFault.ResetMidBody(40_000, target)
        : SimulatedFault.StallMidBody(40_000, TimeSpan.FromSeconds(30), target);
}
