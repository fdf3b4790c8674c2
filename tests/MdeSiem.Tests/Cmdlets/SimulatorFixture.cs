using System;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Cmdlets;

/// <summary>One simulated tenant shared by the tests of a class (started once: tests only read from it).</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    public SimulatedTenant Tenant { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 2000, Seed = 11, Span = TimeSpan.FromHours(6) });
    }

    public async Task DisposeAsync() => await Tenant.DisposeAsync();
}
