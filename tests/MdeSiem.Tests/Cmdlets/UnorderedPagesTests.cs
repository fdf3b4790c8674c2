using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using MdeSiem.Tests.Checkpoints;
using Xunit;

namespace MdeSiem.Tests.Cmdlets;

/// <summary>
/// Graph's security collections and the Defender APIs do not document $orderby; the simulator can accept and ignore
/// it, answering newest first as the services may. Paging by time must then neither loop nor skip silently: the
/// pull stops with MdeSiem.InvalidResponse, delivers nothing twice, and a checkpointed run keeps its watermark.
/// </summary>
public sealed class UnorderedPagesTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 300, Seed = 57, OrderBy = OrderByHandling.IgnoredNewestFirst });
        _engine = new HostedEngine();
        _engine.ConnectTo(_tenant, "-MaxRetryCount 0");
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("Get-DefenderAlert -Checkpoint $path -UpdatedAfter ([DateTime]::UtcNow.AddHours(-8)) -AvailabilityLag 0 -Top 25")]
    [InlineData("Get-DefenderIncident -Checkpoint $path -AvailabilityLag 0")]
    [InlineData("Get-MdeAlert -Checkpoint $path -AvailabilityLag 0 -WarningAction SilentlyContinue")]
    [InlineData("Get-MdeIncident -Checkpoint $path -AvailabilityLag 0 -WarningAction SilentlyContinue")]
    public void A_checkpointed_run_over_pages_newest_first_stops_and_keeps_its_watermark(string command)
    {
        var path = _folder.File(Guid.NewGuid().ToString("N") + ".json");

        var result = _engine.Run(command, ("path", path));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("MdeSiem.InvalidResponse,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        var delivered = result.Output.Select(item => item.BaseObject).ToList();
        Assert.Equal(delivered.Count, delivered.Distinct().Count());
        if (File.Exists(path))
        {
            using var checkpoint = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal(JsonValueKind.Null, checkpoint.RootElement.GetProperty("watermarkUtc").ValueKind);
        }
    }

    [Fact]
    public void An_All_pull_paged_by_time_over_pages_newest_first_stops_instead_of_skipping()
    {
        _tenant.ClearRequests();

        var result = _engine.Run("Get-DefenderAlert -All -Top 1");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("MdeSiem.InvalidResponse,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Single(_tenant.Requests, request => request.Path.EndsWith("alerts_v2", StringComparison.Ordinal));
        Assert.Single(result.Output);
    }
}
