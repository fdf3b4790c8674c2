using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Output;
using MdeSiem.Tests.Checkpoints;
using Xunit;

namespace MdeSiem.Tests.Output;

/// <summary>
/// The -OutFile writer's promise, tested by leaving its files the way a killed process leaves them: complete lines
/// past the checkpoint count as delivered and stay, a torn line goes, announced-but-unwritten lines are not
/// mistaken for lines written later at the same offsets.
/// </summary>
public class OutFileWriterTests
{
    private static readonly DateTime Day1 = new(2026, 3, 1, 23, 59, 0, DateTimeKind.Utc);

    private static string Line(int i) => "{\"id\":\"alert-" + i + "\",\"text\":\"" + new string('x', i % 50) + "\"}";

    private static OutFileWriter Writer(TemporaryFolder folder, IReadOnlyDictionary<string, long>? covered = null, Func<DateTime>? clock = null, string name = "out.jsonl") =>
        new(OutFileName.Parse(folder.File(name)), new DeliveryJournal(folder.File("cp.json.outfile")), covered ?? new Dictionary<string, long>(), clock ?? (() => Day1));

    [Fact]
    public void Lines_of_a_run_killed_after_writing_count_as_delivered_and_stay()
    {
        using var folder = new TemporaryFolder();
        var killed = Writer(folder);
        for (var i = 0; i < 3000; i++)
        {
            killed.WriteLine("k" + i, Day1, Line(i));
        }

        // No FlushToDisk, no journal clear: the process died here. What the OS has is what the file holds.
        var onDisk = File.ReadAllLines(folder.File("out.jsonl"));
        killed.Dispose();

        using var next = Writer(folder);
        var recovery = next.Recover();

        Assert.Equal(onDisk.Length, recovery.Delivered.Count);
        Assert.Equal(Enumerable.Range(0, onDisk.Length).Select(i => "k" + i), recovery.Delivered.Select(entry => entry.Key));
        Assert.Equal(onDisk, File.ReadAllLines(folder.File("out.jsonl")));
        Assert.Equal(0, recovery.TrimmedBytes);
        Assert.True(onDisk.Length > 0 && onDisk.Length < 3000, "the test needs a batch still in memory at the kill");
    }

    [Fact]
    public void A_torn_last_line_is_removed_and_the_complete_ones_are_kept()
    {
        using var folder = new TemporaryFolder();
        var killed = Writer(folder);
        for (var i = 0; i < 5; i++)
        {
            killed.WriteLine("k" + i, null, Line(i));
        }

        killed.FlushToDisk();
        killed.Dispose();
        var complete = File.ReadAllBytes(folder.File("out.jsonl"));

        // A kill in the middle of a write: half of the sixth line reached the file.
        var torn = Encoding.UTF8.GetBytes(Line(5)).Take(7).ToArray();
        using (var file = new FileStream(folder.File("out.jsonl"), FileMode.Append))
        {
            file.Write(torn, 0, torn.Length);
        }

        using var next = Writer(folder);
        var recovery = next.Recover();

        Assert.Equal(new[] { "k0", "k1", "k2", "k3", "k4" }, recovery.Delivered.Select(entry => entry.Key));
        Assert.Equal(torn.Length, recovery.TrimmedBytes);
        Assert.Equal(complete, File.ReadAllBytes(folder.File("out.jsonl")));
    }

    [Fact]
    public void Lines_announced_but_never_written_are_not_confused_with_later_lines_at_the_same_offsets()
    {
        using var folder = new TemporaryFolder();
        var first = Writer(folder);
        for (var i = 0; i < 4; i++)
        {
            first.WriteLine("old" + i, null, Line(10));
        }

        first.FlushToDisk();
        first.Dispose();

        // The kill came after the journal entries of lines 2 and 3 but before their bytes: cut them off.
        var lines = File.ReadAllLines(folder.File("out.jsonl"));
        File.WriteAllText(folder.File("out.jsonl"), lines[0] + "\n" + lines[1] + "\n");

        using (var second = Writer(folder))
        {
            Assert.Equal(new[] { "old0", "old1" }, second.Recover().Delivered.Select(entry => entry.Key));

            // This run writes other records of the same length: their lines end where old2 and old3 were announced.
            second.WriteLine("new2", null, Line(10));
            second.WriteLine("new3", null, Line(10));
            second.FlushToDisk();
        }

        using var third = Writer(folder);
        Assert.Equal(new[] { "old0", "old1", "new2", "new3" }, third.Recover().Delivered.Select(entry => entry.Key));
    }

    [Fact]
    public void Lines_a_killed_run_wrote_into_a_file_truncated_since_the_checkpoint_all_count_as_delivered()
    {
        // A shipper's copytruncate empties the file; the next run writes past the old covered length and is killed.
        // Its lines below that length are journaled too, and must count, or the run after writes them again.
        using var folder = new TemporaryFolder();
        IReadOnlyDictionary<string, long> covered;
        using (var first = Writer(folder))
        {
            for (var i = 0; i < 50; i++)
            {
                first.WriteLine("old" + i, null, Line(i));
            }

            covered = first.FlushToDisk();
            first.ForgetJournal();
        }

        File.WriteAllBytes(folder.File("out.jsonl"), Array.Empty<byte>());
        var killed = Writer(folder, covered);
        killed.Recover();
        for (var i = 0; i < 100; i++)
        {
            killed.WriteLine("new" + i, null, Line(i));
        }

        killed.WriteOut();
        killed.Dispose();
        Assert.True(new FileInfo(folder.File("out.jsonl")).Length > covered.Single().Value);

        using var next = Writer(folder, covered);
        var recovery = next.Recover();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => "new" + i), recovery.Delivered.Select(entry => entry.Key));
        Assert.Equal(0, recovery.UnaccountedLines);
    }

    [Fact]
    public void Lines_the_checkpoint_covers_are_not_reported_again()
    {
        using var folder = new TemporaryFolder();
        IReadOnlyDictionary<string, long> covered;
        using (var first = Writer(folder))
        {
            first.WriteLine("a", null, Line(1));
            covered = first.FlushToDisk();
            first.ForgetJournal();
        }

        using (var second = Writer(folder, covered))
        {
            second.Recover();
            second.WriteLine("b", null, Line(2));
            second.FlushToDisk();
        }

        using var third = Writer(folder, covered);
        Assert.Equal(new[] { "b" }, third.Recover().Delivered.Select(entry => entry.Key));
        Assert.Equal(2, File.ReadAllLines(folder.File("out.jsonl")).Length);
    }

    [Fact]
    public void A_dated_name_starts_a_new_file_each_utc_day_and_a_header_once_per_file()
    {
        using var folder = new TemporaryFolder();
        var now = Day1;
        using (var writer = Writer(folder, clock: () => now, name: "alerts-{0:yyyy-MM-dd}.csv"))
        {
            writer.WriteLine("a", null, "\"1\"", () => "\"Id\"");
            writer.WriteLine("b", null, "\"2\"", () => "\"Id\"");
            now = Day1.AddMinutes(2);
            writer.WriteLine("c", null, "\"3\"", () => "\"Id\"");
            writer.FlushToDisk();
        }

        Assert.Equal(new[] { "\"Id\"", "\"1\"", "\"2\"" }, File.ReadAllLines(folder.File("alerts-2026-03-01.csv")));
        Assert.Equal(new[] { "\"Id\"", "\"3\"" }, File.ReadAllLines(folder.File("alerts-2026-03-02.csv")));
    }

    [Fact]
    public void A_name_with_a_format_item_that_is_not_a_date_is_refused()
    {
        var error = Assert.Throws<MdeSiemException>(() => OutFileName.Parse("alerts-{1}.jsonl"));
        Assert.Equal(ErrorCode.InvalidArgument, error.Code);
        Assert.False(OutFileName.Parse("alerts.jsonl").IsDated);
        Assert.True(OutFileName.Parse("alerts-{0:yyyyMMdd}.jsonl").IsDated);
    }
}
