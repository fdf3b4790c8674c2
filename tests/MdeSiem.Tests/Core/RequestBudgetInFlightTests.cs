using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Http;
using Xunit;

namespace MdeSiem.Tests.Core;

/// <summary>
/// A call counts from when its answer arrived, and while in flight as if it were now: the service counts it on
/// arrival, somewhere in between, so the budget is never looser than the service however long calls take.
/// </summary>
public class RequestBudgetInFlightTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_slow_call_counts_from_its_answer_not_from_when_it_was_sent()
    {
        var now = Start;
        var waits = new List<TimeSpan>();
        var budget = new RequestBudget("Test", new[] { new RateLimit(2, TimeSpan.FromMinutes(1)) }, () => now, (wait, _) =>
        {
            waits.Add(wait);
            now += wait;
            return Task.CompletedTask;
        });

        using (await budget.EnterAsync(CancellationToken.None))
        {
            now += TimeSpan.FromSeconds(10); // the answer takes 10 s
        }

        await budget.WaitForTurnAsync(CancellationToken.None);
        await budget.WaitForTurnAsync(CancellationToken.None);

        // Counted from its answer at 10 s, the first call leaves the window at 70 s: 60 s from now, not 50.
        Assert.Equal(new[] { TimeSpan.FromSeconds(60) }, waits);
    }

    [Fact]
    public async Task Calls_in_flight_fill_the_window_until_they_are_answered()
    {
        var now = Start;
        IDisposable? inFlight = null;
        var waits = new List<TimeSpan>();
        var budget = new RequestBudget("Test", new[] { new RateLimit(1, TimeSpan.FromMinutes(1)) }, () => now, (wait, _) =>
        {
            waits.Add(wait);
            now += wait;

            // The call in flight is answered at the end of the first wait.
            inFlight?.Dispose();
            return Task.CompletedTask;
        });

        inFlight = await budget.EnterAsync(CancellationToken.None);
        await budget.WaitForTurnAsync(CancellationToken.None);

        // A full window from "now" while the answer could come any moment; answered at 60 s, it then counts from
        // there, so the second call waits a second window (counted from sending, it would have gone at 60 s).
        Assert.Equal(new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1) }, waits);
    }
}
