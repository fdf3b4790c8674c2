using System;
using System.Collections.Generic;
using System.IO;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;
using MdeSiem.Core.StreamingApi;
using MdeSiem.Tests.Checkpoints;
using Xunit;

namespace MdeSiem.Tests.StreamingApi;

public sealed class StreamCheckpointRunTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 12, 20, 0, DateTimeKind.Utc);

    [Fact]
    public void Positions_survive_a_run_and_the_watermark_stops_at_the_first_blob_that_can_still_grow()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("s.json");
        var query = new StreamEventQuery("DeviceEvents") { NowUtc = Now };
        var old = Blob(new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc), 300);     // settled (ended 10:00, +1 h < 12:20)
        var recent = Blob(new DateTime(2026, 11, 25, 11, 0, 0, DateTimeKind.Utc), 500); // can still grow until 13:00
        var current = Blob(new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc), 200);

        using (var run = StreamCheckpointRun.Begin(path, "t", "scope", TimeSpan.FromHours(2)))
        {
            run.MarkDelivered(old.Name, 300);
            run.MarkDelivered(recent.Name, 480);
            run.MarkDelivered(current.Name, 200);
            run.Commit(new[] { old, recent, current }, query);
        }

        using var next = StreamCheckpointRun.Begin(path, "t", "scope", TimeSpan.FromHours(2));
        Assert.Equal(recent.HourUtc, next.WatermarkHourUtc);
        // The settled, fully read blob is forgotten; the others keep their offsets.
        Assert.Equal(new Dictionary<string, long> { [recent.Name] = 480, [current.Name] = 200 }, next.Positions);
    }

    [Fact]
    public void A_settled_blob_not_read_to_its_end_holds_the_watermark()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("s.json");
        var query = new StreamEventQuery("AlertInfo") { NowUtc = Now };
        var unfinished = Blob(new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc), 1000);

        using (var run = StreamCheckpointRun.Begin(path, "t", "scope", TimeSpan.FromHours(2)))
        {
            run.MarkDelivered(unfinished.Name, 600);
            run.Commit(new[] { unfinished }, query);
        }

        using var next = StreamCheckpointRun.Begin(path, "t", "scope", TimeSpan.FromHours(2));
        Assert.Equal(unfinished.HourUtc, next.WatermarkHourUtc);
        Assert.Equal(600, next.Positions[unfinished.Name]);
    }

    [Fact]
    public void A_failed_run_keeps_its_offsets_and_the_old_watermark()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("s.json");
        var blob = Blob(new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc), 900);

        using (var run = StreamCheckpointRun.Begin(path, "t", "scope", TimeSpan.FromHours(2)))
        {
            run.MarkDelivered(blob.Name, 450);
            run.SaveProgress();
        }

        using var next = StreamCheckpointRun.Begin(path, "t", "scope", TimeSpan.FromHours(2));
        Assert.Null(next.WatermarkHourUtc);
        Assert.Equal(450, next.Positions[blob.Name]);
    }

    [Fact]
    public void A_checkpoint_of_another_container_is_a_mismatch_and_other_pulls_files_carry_no_positions()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("s.json");
        using (var run = StreamCheckpointRun.Begin(path, "t", "account=a;container=x", TimeSpan.FromHours(2)))
        {
            run.MarkDelivered("tenantId=t/y=2026/m=11/d=25/h=12/m=00/PT1H.json", 10);
            run.SaveProgress();
        }

        var failure = Assert.Throws<MdeSiemException>(() => StreamCheckpointRun.Begin(path, "t", "account=a;container=y", TimeSpan.FromHours(2)));
        Assert.Equal(ErrorCode.CheckpointMismatch, failure.Code);
        Assert.False(File.Exists(path + ".lock"));

        var siem = folder.File("siem.json");
        CheckpointStore.Write(siem, new CheckpointDocument { Api = "SiemAlerts", TenantId = "t", Scope = "s" });
        Assert.DoesNotContain("positions", File.ReadAllText(siem), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tenantId=abc/y=2026/m=11/d=25/h=07/m=00/PT1H.json", true, 2026, 11, 25, 7)]
    [InlineData("resourceId=/X/y=2025/m=01/d=02/h=23/m=00/PT1H.json", true, 2025, 1, 2, 23)]
    [InlineData("tenantId=abc/y=2026/m=13/d=25/h=07/m=00/PT1H.json", false, 0, 0, 0, 0)]
    [InlineData("notes.txt", false, 0, 0, 0, 0)]
    public void Blob_names_give_their_hour(string name, bool valid, int year, int month, int day, int hour)
    {
        Assert.Equal(valid, StreamingBlobPath.TryParseHour(name, out var parsed));
        if (valid)
        {
            Assert.Equal(new DateTime(year, month, day, hour, 0, 0, DateTimeKind.Utc), parsed);
            Assert.Equal(DateTimeKind.Utc, parsed.Kind);
        }
    }

    private static StreamBlobInfo Blob(DateTime hour, long length) => new(StreamingBlobPath.For("t", hour), hour, length);
}
