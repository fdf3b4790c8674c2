using System;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Migration;

/// <summary>A simulated tenant whose Graph alerts diverge from the SIEM records (GraphDivergences), on a fixed clock.</summary>
public sealed class DivergentTenantFixture : IAsyncLifetime
{
    /// <summary>The generated records' LastProcessedTimeUtc spans the six hours before this.</summary>
    public static readonly DateTime EndTimeUtc = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    public SimulatedTenant Tenant { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Tenant = await SimulatedTenant.StartAsync(new SimulatorOptions
        {
            AlertCount = 1500,
            Seed = 23,
            Span = TimeSpan.FromHours(6),
            EndTimeUtc = EndTimeUtc,
            GraphDivergences = true,
        });
    }

    public async Task DisposeAsync() => await Tenant.DisposeAsync();
}
