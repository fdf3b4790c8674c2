using System;
using System.Threading.Tasks;
using MdeSiem.Simulator;

namespace MdeSiem.Tests.Simulator;

/// <summary>Starts a tenant on a fixed manual clock with a given number of records over the default six hours.</summary>
internal static class TenantStarter
{
    public static Task<SimulatedTenant> StartAsync(ManualClock clock, int alertCount = 2000, int seed = 1, TimeSpan? tokenLifetime = null) =>
        SimulatedTenant.StartAsync(new SimulatorOptions
        {
            AlertCount = alertCount,
            Seed = seed,
            Clock = clock,
            TokenLifetime = tokenLifetime ?? TimeSpan.FromSeconds(3599),
        });
}
