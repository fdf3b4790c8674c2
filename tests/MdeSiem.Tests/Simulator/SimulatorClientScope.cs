using System;
using System.Threading.Tasks;
using MdeSiem.Simulator;

namespace MdeSiem.Tests.Simulator;

/// <summary>A started tenant and a client for it, disposed together.</summary>
internal sealed class SimulatorClientScope : IAsyncDisposable
{
    private SimulatorClientScope(SimulatedTenant tenant)
    {
        Tenant = tenant;
        Client = new SimulatorClient(tenant);
    }

    public SimulatedTenant Tenant { get; }

    public SimulatorClient Client { get; }

    public static async Task<SimulatorClientScope> StartAsync(ManualClock clock, int alertCount = 2000, int seed = 1) =>
        new(await TenantStarter.StartAsync(clock, alertCount, seed));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Tenant.DisposeAsync();
    }
}
