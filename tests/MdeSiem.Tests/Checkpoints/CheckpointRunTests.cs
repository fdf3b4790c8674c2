using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Checkpoints;
using Xunit;

namespace MdeSiem.Tests.Checkpoints;

public class CheckpointRunTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly CheckpointOptions Options = new() { Overlap = TimeSpan.FromMinutes(15), AvailabilityLag = TimeSpan.FromMinutes(2) };

    private static async IAsyncEnumerable<string> Items(params string[] keys)
    {
        foreach (var key in keys)
        {
            await Task.Yield();
            yield return key;
        }
    }

    private static async Task<List<string>> Collect(IAsyncEnumerable<string> items)
    {
        var list = new List<string>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public void The_first_run_starts_at_the_given_time_and_stops_short_of_now_by_the_lag()
    {
        using var folder = new TemporaryFolder();
        using var run = CheckpointRun.Begin(folder.File("c.json"), "Api", "t", "s", Options, Now.AddDays(-1), Now);
        Assert.Equal(Now.AddDays(-1), run.SinceUtc);
        Assert.Equal(Now.AddMinutes(-2), run.UntilUtc);
    }

    [Fact]
    public async Task A_later_run_starts_an_overlap_before_the_watermark_and_skips_what_was_delivered()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        using (var first = CheckpointRun.Begin(path, "Api", "t", "s", Options, Now.AddHours(-1), Now))
        {
            foreach (var key in await Collect(first.SkipDelivered(Items("a", "b"), k => k)))
            {
                first.MarkDelivered(key, Now.AddMinutes(-5));
            }

            first.Commit();
        }

        using var second = CheckpointRun.Begin(path, "Api", "t", "s", Options, null, Now.AddMinutes(10));
        Assert.Equal(Now.AddMinutes(-2 - 15), second.SinceUtc);
        Assert.Equal(new[] { "c" }, await Collect(second.SkipDelivered(Items("a", "b", "c"), k => k)));
        Assert.Equal(2, second.SkippedCount);
    }

    [Fact]
    public void Commit_forgets_keys_older_than_the_next_runs_overlap()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        using (var run = CheckpointRun.Begin(path, "Api", "t", "s", Options, Now.AddHours(-1), Now))
        {
            run.MarkDelivered("old", Now.AddMinutes(-40));
            run.MarkDelivered("recent", Now.AddMinutes(-10));
            run.Commit();
        }

        var saved = CheckpointStore.Read(path, "Api", "t", "s")!;
        Assert.Equal(Now.AddMinutes(-2), saved.WatermarkUtc);
        Assert.Equal(new[] { "recent" }, saved.Delivered.Keys.ToArray());
    }

    [Fact]
    public void A_failed_run_keeps_the_watermark_and_remembers_what_it_delivered()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        using (var first = CheckpointRun.Begin(path, "Api", "t", "s", Options, Now.AddHours(-1), Now))
        {
            first.Commit();
        }

        using (var failed = CheckpointRun.Begin(path, "Api", "t", "s", Options, null, Now.AddMinutes(30)))
        {
            failed.MarkDelivered("x", Now.AddMinutes(20));
            failed.SaveProgress();
        }

        var saved = CheckpointStore.Read(path, "Api", "t", "s")!;
        Assert.Equal(Now.AddMinutes(-2), saved.WatermarkUtc);
        Assert.True(saved.Delivered.ContainsKey("x"));
    }

    [Fact]
    public void A_failed_first_run_that_delivered_nothing_leaves_no_file()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        using (var run = CheckpointRun.Begin(path, "Api", "t", "s", Options, Now.AddHours(-1), Now))
        {
            run.SaveProgress();
        }

        Assert.False(System.IO.File.Exists(path));
        Assert.False(System.IO.File.Exists(path + ".lock"));
    }

    private static CheckpointOptions HoldingOnly(int keys) => new()
    {
        Overlap = Options.Overlap,
        AvailabilityLag = Options.AvailabilityLag,
        DeliveredKeysHeldInMemory = keys,
    };

    [Fact]
    public async Task A_failed_run_that_delivered_more_keys_than_it_holds_saves_them_all_and_the_next_run_skips_them()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        var delivered = Enumerable.Range(0, 50).Select(i => "k" + i).ToArray();
        using (var failed = CheckpointRun.Begin(path, "Api", "t", "s", HoldingOnly(3), Now.AddHours(-1), Now))
        {
            foreach (var key in await Collect(failed.SkipDelivered(Items(delivered), k => k)))
            {
                failed.MarkDelivered(key, Now.AddMinutes(-50));
            }

            Assert.Single(System.IO.Directory.GetFiles(folder.Path, ".c.json.*.tmp"));
            failed.SaveProgress();
        }

        Assert.Empty(System.IO.Directory.GetFiles(folder.Path, ".c.json.*.tmp"));
        var saved = CheckpointStore.Read(path, "Api", "t", "s")!;
        Assert.Null(saved.WatermarkUtc);
        Assert.Equal(delivered.OrderBy(k => k, StringComparer.Ordinal), saved.Delivered.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.All(saved.Delivered.Values, time => Assert.Equal(Now.AddMinutes(-50), time));

        // The next run reads those keys into its own set (spilled past 3 as well), skips them, and when it fails too
        // saves them again with its own.
        using (var next = CheckpointRun.Begin(path, "Api", "t", "s", HoldingOnly(3), Now.AddHours(-1), Now))
        {
            Assert.Single(System.IO.Directory.GetFiles(folder.Path, ".c.json.*.tmp"));
            Assert.Equal(new[] { "new" }, await Collect(next.SkipDelivered(Items(delivered.Append("new").ToArray()), k => k)));
            next.MarkDelivered("new", Now.AddMinutes(-40));
            next.SaveProgress();
        }

        Assert.Empty(System.IO.Directory.GetFiles(folder.Path, ".c.json.*.tmp"));
        var savedAgain = CheckpointStore.Read(path, "Api", "t", "s")!;
        Assert.Equal(delivered.Append("new").OrderBy(k => k, StringComparer.Ordinal), savedAgain.Delivered.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(Now.AddMinutes(-50), savedAgain.Delivered["k49"]);
    }

    [Fact]
    public void A_commit_after_a_failed_run_keeps_only_the_earlier_keys_the_next_overlap_can_read_again()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        using (var failed = CheckpointRun.Begin(path, "Api", "t", "s", HoldingOnly(1), Now.AddHours(-1), Now))
        {
            failed.MarkDelivered("old-1", Now.AddMinutes(-40));
            failed.MarkDelivered("old-2", Now.AddMinutes(-30));
            failed.MarkDelivered("recent", Now.AddMinutes(-10));
            failed.SaveProgress();
        }

        using (var next = CheckpointRun.Begin(path, "Api", "t", "s", HoldingOnly(1), Now.AddHours(-1), Now))
        {
            next.MarkDelivered("this-run", Now.AddMinutes(-5));
            next.Commit();
        }

        var saved = CheckpointStore.Read(path, "Api", "t", "s")!;
        Assert.Equal(new[] { "recent", "this-run" }, saved.Delivered.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void A_commit_keeps_only_the_spilled_keys_the_next_overlap_can_read_again()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        using (var run = CheckpointRun.Begin(path, "Api", "t", "s", HoldingOnly(1), Now.AddHours(-1), Now))
        {
            run.MarkDelivered("held-old", Now.AddMinutes(-40));
            run.MarkDelivered("spilled-old", Now.AddMinutes(-30));
            run.MarkDelivered("spilled-recent", Now.AddMinutes(-10));
            run.MarkDelivered("spilled-untimed", null);
            run.Commit();
        }

        var saved = CheckpointStore.Read(path, "Api", "t", "s")!;
        Assert.Equal(new[] { "spilled-recent", "spilled-untimed" }, saved.Delivered.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(Now.AddMinutes(-2), saved.Delivered["spilled-untimed"]);
    }

    [Fact]
    public void A_key_an_earlier_run_and_this_one_both_delivered_is_kept_at_the_later_of_its_times()
    {
        // A record without a time is marked at each run's end of window: the failed run's time is past the next
        // overlap, this run's is not, so the key must stay (at this run's time) or the overlap delivers it again.
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        using (var failed = CheckpointRun.Begin(path, "Api", "t", "s", Options, Now.AddHours(-2), Now.AddHours(-1)))
        {
            failed.MarkDelivered("untimed", null);
            failed.MarkDelivered("both-old", Now.AddHours(-2));
            failed.SaveProgress();
        }

        using (var next = CheckpointRun.Begin(path, "Api", "t", "s", Options, null, Now))
        {
            next.MarkDelivered("untimed", null);
            next.MarkDelivered("both-old", Now.AddHours(-2));
            next.Commit();
        }

        var saved = CheckpointStore.Read(path, "Api", "t", "s")!;
        Assert.Equal(new[] { "untimed" }, saved.Delivered.Keys);
        Assert.Equal(Now - Options.AvailabilityLag, saved.Delivered["untimed"]);
    }

    [Fact]
    public void Opening_a_checkpoint_leaves_the_temporary_files_of_another_whose_name_begins_with_its_own()
    {
        // ".cp.json.*.tmp" also matches the spill of "cp.json.other.json", whose run holds its own lock and is still
        // writing it.
        using var folder = new TemporaryFolder();
        var spilling = HoldingOnly(0);
        var otherPath = folder.File("cp.json.other.json");
        using var other = CheckpointRun.Begin(otherPath, "Api", "t", "s", spilling, Now.AddHours(-1), Now);
        other.MarkDelivered("k1", Now.AddMinutes(-30));

        using (CheckpointRun.Begin(folder.File("cp.json"), "Api", "t", "s", spilling, Now.AddHours(-1), Now))
        {
        }

        other.SaveProgress();
        Assert.Contains("k1", CheckpointStore.Read(otherPath, "Api", "t", "s")!.Delivered.Keys);
    }

    [Fact]
    public void A_spill_a_killed_run_left_is_removed_by_the_next_run()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        var leftover = CheckpointStore.TemporaryFileBeside(path);
        System.IO.File.WriteAllText(leftover, "638000000000000000\tk1\n");

        using var run = CheckpointRun.Begin(path, "Api", "t", "s", Options, Now.AddHours(-1), Now);

        Assert.False(System.IO.File.Exists(leftover));
    }

    [Fact]
    public void A_checkpoint_that_cannot_be_written_fails_with_CheckpointWriteFailed_naming_the_file()
    {
        using var folder = new TemporaryFolder();
        var aFile = folder.File("a-file");
        System.IO.File.WriteAllText(aFile, "not a folder");
        var blocked = System.IO.Path.Combine(aFile, "c.json");
        var document = new CheckpointDocument { Api = "Api", TenantId = "t", Scope = "s" };

        var error = Assert.Throws<MdeSiem.Core.Errors.MdeSiemException>(() => CheckpointStore.Write(blocked, document));

        Assert.Equal(MdeSiem.Core.Errors.ErrorCode.CheckpointWriteFailed, error.Code);
        Assert.Equal(blocked, error.Target);
    }

    /// <summary>
    /// The prefetch worker runs <see cref="CheckpointRun.SkipDelivered{T}"/> while the pipeline thread calls
    /// <see cref="CheckpointRun.MarkDelivered"/>. A record marked before the worker looks it up must be skipped:
    /// with a plain dictionary, a lookup during a resize on the other thread misses keys that are there.
    /// </summary>
    [Theory]
    [InlineData(100_000)]
    [InlineData(1_000)]
    public async Task A_record_marked_on_the_pipeline_thread_is_skipped_by_the_worker_at_once(int held)
    {
        const int Keys = 100_000;
        var names = Enumerable.Range(0, Keys).Select(i => "k" + i).ToArray();
        using var folder = new TemporaryFolder();
        for (var round = 0; round < 10; round++)
        {
            using var run = CheckpointRun.Begin(folder.File($"c{round}.json"), "Api", "t", "s", HoldingOnly(held), Now.AddHours(-1), Now);
            var progress = new MarkProgress();
            using var start = new System.Threading.Barrier(2);
            var marker = Task.Run(() =>
            {
                start.SignalAndWait();
                for (var i = 0; i < Keys; i++)
                {
                    run.MarkDelivered(names[i], Now.AddMinutes(-5));
                    System.Threading.Volatile.Write(ref progress.Marked, i + 1);
                }
            });
            var wronglyPassed = Task.Run(async () =>
            {
                start.SignalAndWait();
                var misses = 0;
                await foreach (var lookup in run.SkipDelivered(Lookups(names, progress), l => names[l.Index]))
                {
                    misses += lookup.Index < lookup.MarkedBefore ? 1 : 0;
                }

                return misses;
            });

            await marker;
            Assert.Equal(0, await wronglyPassed);
            Assert.Equal(Keys, run.DeliveredCount);
            run.SaveProgress();
        }
    }

    /// <summary>Looks up, until every key is marked, the keys marked shortly before; each lookup knows how many were marked before it.</summary>
    private static async IAsyncEnumerable<(int Index, int MarkedBefore)> Lookups(string[] names, MarkProgress progress)
    {
        var spin = 0;
        while (true)
        {
            var marked = System.Threading.Volatile.Read(ref progress.Marked);
            if (marked == names.Length)
            {
                break;
            }

            yield return (marked == 0 ? 0 : (int)((uint)(++spin * 7919) % (uint)marked), marked);
        }

        await Task.CompletedTask;
    }

    private sealed class MarkProgress
    {
        public int Marked;
    }
}
