using System;
using System.Globalization;
using System.IO;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;
using Xunit;

namespace MdeSiem.Tests.Checkpoints;

public class CheckpointLockTests
{
    [Fact]
    public void A_second_run_on_the_same_checkpoint_is_refused_until_the_first_releases()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        using (CheckpointLock.Acquire(path, TimeSpan.FromHours(1)))
        {
            var failure = Assert.Throws<MdeSiemException>(() => CheckpointLock.Acquire(path, TimeSpan.FromHours(1)));
            Assert.Equal(ErrorCode.CheckpointLocked, failure.Code);
        }

        using var again = CheckpointLock.Acquire(path, TimeSpan.FromHours(1));
        Assert.True(File.Exists(path + ".lock"));
    }

    [Fact]
    public void A_lock_left_by_a_process_that_is_gone_is_taken_over()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        // Process ids are at most 2^22 on Linux; int.MaxValue names no process anywhere.
        File.WriteAllText(path + ".lock", $"{Environment.MachineName}|{int.MaxValue}|{DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture)}");

        using var taken = CheckpointLock.Acquire(path, TimeSpan.FromHours(1));
        Assert.Contains(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), File.ReadAllText(path + ".lock"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_lock_older_than_the_stale_age_is_taken_over_even_from_another_machine()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        File.WriteAllText(path + ".lock", $"other-host|42|{DateTime.UtcNow.AddHours(-3).ToString("o", CultureInfo.InvariantCulture)}");

        using var taken = CheckpointLock.Acquire(path, TimeSpan.FromHours(2));
        Assert.Contains(Environment.MachineName, File.ReadAllText(path + ".lock"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_recent_lock_of_another_machine_is_respected()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        File.WriteAllText(path + ".lock", $"other-host|42|{DateTime.UtcNow.ToString("o", CultureInfo.InvariantCulture)}");

        var failure = Assert.Throws<MdeSiemException>(() => CheckpointLock.Acquire(path, TimeSpan.FromHours(2)));
        Assert.Equal(ErrorCode.CheckpointLocked, failure.Code);
    }
}
