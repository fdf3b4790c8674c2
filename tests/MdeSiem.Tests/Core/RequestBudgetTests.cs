using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Http;
using Xunit;

namespace MdeSiem.Tests.Core;

public class RequestBudgetTests
{
    /// <summary>A clock that moves only when the budget waits, so waits are exact and instant.</summary>
    private sealed class ManualTime
    {
        public DateTime Now { get; private set; } = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public List<TimeSpan> Waits { get; } = new();

        public Task Delay(TimeSpan wait, CancellationToken cancellationToken)
        {
            Waits.Add(wait);
            Now += wait;
            return Task.CompletedTask;
        }

        public void Advance(TimeSpan by) => Now += by;
    }

    [Fact]
    public async Task Calls_within_the_limit_never_wait()
    {
        var time = new ManualTime();
        var budget = new RequestBudget("Test", new[] { new RateLimit(100, TimeSpan.FromMinutes(1)) }, () => time.Now, time.Delay);
        for (var i = 0; i < 100; i++)
        {
            await budget.WaitForTurnAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task The_call_past_the_limit_waits_until_the_oldest_call_leaves_the_window()
    {
        var time = new ManualTime();
        var budget = new RequestBudget("Test", new[] { new RateLimit(100, TimeSpan.FromMinutes(1)) }, () => time.Now, time.Delay);
        for (var i = 0; i < 100; i++)
        {
            await budget.WaitForTurnAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        // 100 calls took 10 s; the first leaves the window 60 s after it was made.
        await budget.WaitForTurnAsync(CancellationToken.None);
        Assert.Equal(new[] { TimeSpan.FromSeconds(50) }, time.Waits);
    }

    // The documented limits: "List alerts API" 100 calls per minute and 1,500 per hour (the SIEM API is paced alike);
    // "List incidents API" (https://learn.microsoft.com/defender-xdr/api-list-incidents) 50 per minute and 1,500 per hour.
    [Theory]
    [InlineData(ApiNames.SiemAlerts, 100)]
    [InlineData(ApiNames.MdeAlerts, 100)]
    [InlineData(ApiNames.XdrIncidents, 50)]
    public async Task The_hourly_limit_applies_beside_the_minute_limit(string api, int perMinute)
    {
        var time = new ManualTime();
        var budget = RequestBudget.ForApi(api);
        var timed = new RequestBudget(budget.Api, budget.Limits, () => time.Now, time.Delay);
        for (var i = 0; i < 1500; i++)
        {
            await timed.WaitForTurnAsync(CancellationToken.None);
        }

        var waitedBefore = Sum(time.Waits);
        await timed.WaitForTurnAsync(CancellationToken.None);
        var lastWait = Sum(time.Waits) - waitedBefore;

        // 1,500 calls at perMinute a minute fill the hour (1500 / perMinute - 1) minutes in; call 1,501 waits for the
        // hour to roll over.
        var filledAfter = TimeSpan.FromMinutes((1500 / perMinute) - 1);
        Assert.Equal(filledAfter, waitedBefore);
        Assert.Equal(TimeSpan.FromMinutes(60) - filledAfter, lastWait);
        Assert.True(time.Now - new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) >= TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task A_call_counts_from_when_its_response_arrived()
    {
        var time = new ManualTime();
        var budget = new RequestBudget("Test", new[] { new RateLimit(2, TimeSpan.FromSeconds(10)) }, () => time.Now, time.Delay);
        using (await budget.EnterAsync(CancellationToken.None))
        {
            time.Advance(TimeSpan.FromSeconds(3));
        }

        await budget.WaitForTurnAsync(CancellationToken.None);

        // Sent at 0 s but answered at 3 s: the service may have counted it as late as 3 s, so room opens at 13 s.
        await budget.WaitForTurnAsync(CancellationToken.None);
        Assert.Equal(new[] { TimeSpan.FromSeconds(10) }, time.Waits);
    }

    [Fact]
    public void A_time_scale_shrinks_every_documented_period_and_keeps_the_counts()
    {
        var budget = RequestBudget.ForApi(ApiNames.MdeAlerts, 1.0 / 60);

        Assert.Equal(new[] { 100, 1500 }, budget.Limits.Select(limit => limit.Calls));
        Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1) }, budget.Limits.Select(limit => limit.Period));
        Assert.Equal(new[] { 50, 1500 }, RequestBudget.ForApi(ApiNames.XdrIncidents, 0.5).Limits.Select(limit => limit.Calls));
        Assert.Throws<ArgumentOutOfRangeException>(() => RequestBudget.ForApi(ApiNames.MdeAlerts, 0));
    }

    private static TimeSpan Sum(IEnumerable<TimeSpan> spans)
    {
        var total = TimeSpan.Zero;
        foreach (var span in spans)
        {
            total += span;
        }

        return total;
    }
}
