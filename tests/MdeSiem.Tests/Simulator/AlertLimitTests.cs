using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class AlertLimitTests
{
    [Fact]
    public async Task Limit_returns_the_most_recent_records_in_ascending_order()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        DateTime since = clock.UtcNow.AddHours(-6);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?limit=20&sinceTimeUtc=" + SimulatorClient.Time(since));

        IReadOnlyList<SiemRecord> all = Expected.Between(scope.Tenant.Generator, since, clock.UtcNow);
        Assert.Equal(Expected.FullIds(all.TakeLast(20)), fullIds);
    }

    [Fact]
    public async Task Limit_applies_within_the_time_range()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        DateTime since = clock.UtcNow.AddHours(-5);
        DateTime until = clock.UtcNow.AddHours(-4);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync(
            $"?limit=7&sinceTimeUtc={SimulatorClient.Time(since)}&untilTimeUtc={SimulatorClient.Time(until)}");

        Assert.Equal(Expected.FullIds(Expected.Between(scope.Tenant.Generator, since, until).TakeLast(7)), fullIds);
    }

    [Fact]
    public async Task Limit_larger_than_the_range_returns_the_whole_range()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?limit=100000&ago=PT30M");

        Assert.Equal(Expected.FullIds(Expected.Between(scope.Tenant.Generator, clock.UtcNow.AddMinutes(-30), clock.UtcNow)), fullIds);
    }

    [Fact]
    public async Task Limit_counts_only_records_that_pass_the_device_filters()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        DateTime since = clock.UtcNow.AddHours(-6);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?limit=15&machinegroups=FranceMachines&sinceTimeUtc=" + SimulatorClient.Time(since));

        IEnumerable<SiemRecord> france = Expected.Between(scope.Tenant.Generator, since, clock.UtcNow).Where(record => record.MachineGroup == "FranceMachines");
        Assert.Equal(Expected.FullIds(france.TakeLast(15)), fullIds);
    }
}
