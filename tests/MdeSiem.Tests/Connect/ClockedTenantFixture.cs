using System;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using MdeSiem.Tests.Simulator;
using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>A simulated tenant whose clock the tests move by hand, starting at the real time (whole seconds).</summary>
public sealed class ClockedTenantFixture : IAsyncLifetime
{
    internal ManualClock Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public SimulatedTenant Tenant { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 500, Seed = 7, Clock = Clock });
    }

    public async Task DisposeAsync() => await Tenant.DisposeAsync();
}
