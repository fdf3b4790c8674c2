using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;
using Xunit;

namespace MdeSiem.Tests.Checkpoints;

public class DeliveredKeysTests
{
    private static readonly DateTime Start = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    // Keys a file of one entry per line must carry intact: separators, escapes and non-ASCII text.
    private static readonly string[] AwkwardKeys = { "tab\tin", "line\nbreak", "cr\r\nlf", "back\\slash", "\\n literally", "ümlaut·中", "" };

    private static List<KeyValuePair<string, DateTime>> Keys(int count) =>
        Enumerable.Range(0, count)
            .Select(i => i < AwkwardKeys.Length ? AwkwardKeys[i] : "da" + i.ToString("D18") + ":" + Convert.ToBase64String(BitConverter.GetBytes(i * 7919L)))
            .Select((key, i) => new KeyValuePair<string, DateTime>(key, Start.AddSeconds(i)))
            .ToList();

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(1_000)]
    public void Every_key_added_is_found_and_read_back_once_with_its_time_whether_held_or_spilled(int held)
    {
        using var folder = new TemporaryFolder();
        var expected = Keys(200);
        using var keys = new DeliveredKeys(folder.File("spill.tmp"), held);
        foreach (var entry in expected)
        {
            keys.Add(entry.Key, entry.Value);
        }

        Assert.Equal(expected.Count, keys.Count);
        Assert.All(expected, entry => Assert.True(keys.Contains(entry.Key), entry.Key));
        Assert.False(keys.Contains("never added"));
        Assert.Equal(expected, keys.Entries().ToList());
        Assert.Equal(held < expected.Count, File.Exists(folder.File("spill.tmp")));
    }

    [Fact]
    public void A_key_added_again_is_kept_once_with_its_first_time()
    {
        using var folder = new TemporaryFolder();
        using var keys = new DeliveredKeys(folder.File("spill.tmp"), heldLimit: 1);
        keys.Add("held", Start);
        keys.Add("spilled", Start.AddMinutes(1));
        keys.Add("held", Start.AddMinutes(2));
        keys.Add("spilled", Start.AddMinutes(3));

        Assert.Equal(2, keys.Count);
        Assert.Equal(
            new[] { new KeyValuePair<string, DateTime>("held", Start), new KeyValuePair<string, DateTime>("spilled", Start.AddMinutes(1)) },
            keys.Entries().ToArray());
    }

    [Fact]
    public void Dispose_removes_the_spilled_keys()
    {
        using var folder = new TemporaryFolder();
        var keys = new DeliveredKeys(folder.File("spill.tmp"), heldLimit: 0);
        keys.Add("a", Start);
        Assert.True(File.Exists(folder.File("spill.tmp")));

        keys.Dispose();

        Assert.False(File.Exists(folder.File("spill.tmp")));
    }

    [Fact]
    public void A_spill_that_cannot_be_written_fails_with_CheckpointWriteFailed_naming_the_file()
    {
        using var folder = new TemporaryFolder();
        var unwritable = Path.Combine(folder.File("no such folder"), "spill.tmp");
        using var keys = new DeliveredKeys(unwritable, heldLimit: 0);

        var error = Assert.Throws<MdeSiemException>(() => keys.Add("a", Start));

        Assert.Equal(ErrorCode.CheckpointWriteFailed, error.Code);
        Assert.Equal(unwritable, error.Target);
    }

    [Fact]
    public void After_a_spill_write_failed_the_keys_are_not_handed_out_without_the_one_that_failed()
    {
        // "spilled" was delivered but is not in the file: a save that took the held keys alone would lose it.
        using var folder = new TemporaryFolder();
        using var keys = new DeliveredKeys(Path.Combine(folder.File("no such folder"), "spill.tmp"), heldLimit: 1);
        keys.Add("held", Start);
        Assert.Throws<MdeSiemException>(() => keys.Add("spilled", Start));

        var error = Assert.Throws<MdeSiemException>(() => keys.Entries().ToList());
        Assert.Equal(ErrorCode.CheckpointWriteFailed, error.Code);
        Assert.Equal(ErrorCode.CheckpointWriteFailed, Assert.Throws<MdeSiemException>(() => keys.Add("next", Start)).Code);
    }
}
