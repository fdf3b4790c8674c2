using System;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Cmdlets;

/// <summary>
/// Ids from the pipeline: one the tenant does not know is a non-terminating error (MdeSiem.NotFound, the id as its
/// target) and the ids after it are still read, for every cmdlet that reads by id.
/// </summary>
public sealed class PipelineIdTests : IAsyncLifetime
{
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 60, Seed = 71 });
        _engine = new HostedEngine();
        _engine.ConnectTo(_tenant);
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
    }

    [Theory]
    [InlineData("$real = (Get-DefenderAlert -Top 1).Id; 'nope-1', $real | Get-DefenderAlert -ErrorAction Continue", "Id")]
    [InlineData("$real = (Get-DefenderIncident -Top 1).Id; 'nope-1', $real | Get-DefenderIncident -ErrorAction Continue", "Id")]
    [InlineData("$real = (Get-MdeAlert -Top 1 -WarningAction SilentlyContinue).Id; 'nope-1', $real | Get-MdeAlert -ErrorAction Continue -WarningAction SilentlyContinue", "Id")]
    [InlineData("$real = (Get-MdeIncident -Top 1 -WarningAction SilentlyContinue).IncidentId; [long]987654321, $real | Get-MdeIncident -ErrorAction Continue -WarningAction SilentlyContinue", "IncidentId")]
    public void One_unknown_id_among_several_is_a_non_terminating_error_and_the_rest_are_read(string script, string idProperty)
    {
        var result = _engine.Run(script);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("MdeSiem.NotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        var read = Assert.Single(result.Output);
        Assert.NotNull(read.Properties[idProperty].Value);
        Assert.NotEqual("nope-1", read.Properties[idProperty].Value?.ToString());
    }
}
