using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class LateAlertTests
{
    [Fact]
    public async Task Late_alerts_appear_behind_the_checkpoint_merged_in_time_order()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock, alertCount: 1000);
        string query = "?sinceTimeUtc=" + SimulatorClient.Time(clock.UtcNow.AddHours(-1));
        IReadOnlyList<string> before = await scope.Client.GetFullIdsAsync(query);

        SiemAlertGenerator late = scope.Tenant.AddLateAlerts(30, TimeSpan.FromMinutes(45));
        IReadOnlyList<string> after = await scope.Client.GetFullIdsAsync(query);

        IEnumerable<SiemRecord> expected = scope.Tenant.Generator.GetRecords().Concat(late.GetRecords())
            .Where(record => record.LastProcessedTimeUtc >= clock.UtcNow.AddHours(-1))
            .OrderBy(record => record.LastProcessedTimeUtc);
        Assert.Equal(before.Count + 30, after.Count);
        Assert.Equal(Expected.FullIds(expected), after);
        Assert.Equal(2, scope.Tenant.Batches.Count);
        Assert.Empty(late.GetRecords().Select(record => record.AlertId).Intersect(scope.Tenant.Generator.GetRecords().Select(record => record.AlertId)));
    }

    [Fact]
    public async Task Limit_counts_late_alerts_among_the_most_recent()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock, alertCount: 1000);
        SiemAlertGenerator late = scope.Tenant.AddLateAlerts(10, TimeSpan.FromMinutes(2));

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?limit=25");

        IEnumerable<SiemRecord> expected = scope.Tenant.Generator.GetRecords().Concat(late.GetRecords())
            .OrderBy(record => record.LastProcessedTimeUtc)
            .TakeLast(25);
        Assert.Equal(Expected.FullIds(expected), fullIds);
    }
}
