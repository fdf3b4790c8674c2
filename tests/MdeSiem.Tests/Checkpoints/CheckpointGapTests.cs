using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;
using Xunit;

namespace MdeSiem.Tests.Checkpoints;

/// <summary>A run that went through with a gap (206, an unreadable piece) must let the next run read the gap again.</summary>
public class CheckpointGapTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly CheckpointOptions Options = new() { Overlap = TimeSpan.FromMinutes(15), AvailabilityLag = TimeSpan.Zero };

    private static async IAsyncEnumerable<string> Items(params string[] keys)
    {
        foreach (var key in keys)
        {
            await Task.Yield();
            yield return key;
        }
    }

    [Fact]
    public async Task The_next_run_starts_at_the_gap_and_skips_what_was_delivered_after_it()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        var gap = Now.AddMinutes(-40);
        using (var first = CheckpointRun.Begin(path, "Api", "t", "s", Options, Now.AddHours(-2), Now))
        {
            first.MarkDelivered("before-gap", Now.AddMinutes(-90));
            first.MarkDelivered("after-gap", Now.AddMinutes(-10));
            first.Commit(gap);
        }

        using var second = CheckpointRun.Begin(path, "Api", "t", "s", Options, null, Now.AddMinutes(5));
        Assert.Equal(gap, second.SinceUtc);
        var delivered = new List<string>();
        await foreach (var key in second.SkipDelivered(Items("in-gap", "after-gap"), k => k))
        {
            delivered.Add(key);
        }

        Assert.Equal(new[] { "in-gap" }, delivered);
    }

    [Fact]
    public void A_gap_before_the_window_start_starts_the_next_run_where_this_one_started()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        var since = Now.AddHours(-2);
        using (var first = CheckpointRun.Begin(path, "Api", "t", "s", Options, since, Now))
        {
            first.Commit(since.AddHours(-5));
        }

        using var second = CheckpointRun.Begin(path, "Api", "t", "s", Options, null, Now.AddMinutes(5));
        Assert.Equal(since, second.SinceUtc);
    }

    [Fact]
    public void A_gap_report_keeps_the_earliest_start_and_hands_each_gap_out_once()
    {
        var report = new PullGapReport();
        var error = new MdeSiemException(ErrorCode.PartialResult, "partial");
        report.Add(new WindowGap(Now.AddMinutes(-5), null, error));
        report.Add(new WindowGap(Now.AddMinutes(-30), Now, error));

        Assert.Equal(Now.AddMinutes(-30), report.EarliestGapUtc(Now.AddHours(-1)));
        Assert.Equal(2, report.TakeUnreported().Count());
        Assert.Empty(report.TakeUnreported());
        Assert.Equal(2, report.Count);

        report.Add(new WindowGap(null, null, error));
        Assert.Equal(Now.AddHours(-1), report.EarliestGapUtc(Now.AddHours(-1)));
    }
}
