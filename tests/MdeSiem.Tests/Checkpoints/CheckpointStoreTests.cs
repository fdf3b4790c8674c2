using System;
using System.IO;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;
using Xunit;

namespace MdeSiem.Tests.Checkpoints;

public class CheckpointStoreTests
{
    private static CheckpointDocument Sample()
    {
        var document = new CheckpointDocument
        {
            Api = "SiemAlerts",
            TenantId = "tenant-1",
            Scope = "region=US",
            WatermarkUtc = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            UpdatedUtc = new DateTime(2026, 1, 2, 3, 5, 0, DateTimeKind.Utc),
        };
        document.Delivered["a:1"] = new DateTime(2026, 1, 2, 3, 0, 0, DateTimeKind.Utc);
        document.Delivered["b:2"] = new DateTime(2026, 1, 2, 3, 1, 0, DateTimeKind.Utc);
        return document;
    }

    [Fact]
    public void A_written_checkpoint_reads_back_the_same()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        CheckpointStore.Write(path, Sample());

        var read = CheckpointStore.Read(path, "SiemAlerts", "tenant-1", "region=US")!;

        Assert.Equal(Sample().WatermarkUtc, read.WatermarkUtc);
        Assert.Equal(DateTimeKind.Utc, read.WatermarkUtc!.Value.Kind);
        Assert.Equal(Sample().Delivered, read.Delivered);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    /// <summary>
    /// The file is read a buffer at a time: thousands of keys span many buffers, one key is longer than a buffer, and
    /// a sink receives the keys instead of the document.
    /// </summary>
    [Fact]
    public void A_checkpoint_larger_than_the_read_buffer_reads_back_every_key_position_and_output()
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        var written = Sample();
        for (var i = 0; i < 5_000; i++)
        {
            written.Delivered["key-" + i + "-\u00e9\\" + new string('x', i % 40)] = new DateTime(2026, 1, 2, 3, 0, 0, DateTimeKind.Utc).AddTicks(i);
        }

        written.Delivered[new string('k', 200_000)] = new DateTime(2026, 1, 2, 4, 0, 0, DateTimeKind.Utc);
        written.Positions["blob/y=2026/m=01/d=02/h=03/PT1H.json"] = 12_345;
        written.Outputs["/var/log/a.jsonl"] = 67_890;
        CheckpointStore.Write(path, written);
        Assert.True(new FileInfo(path).Length > 4 * 65_536);

        var read = CheckpointStore.Read(path, "SiemAlerts", "tenant-1", "region=US")!;
        Assert.Equal(written.Delivered, read.Delivered);
        Assert.Equal(written.Positions, read.Positions);
        Assert.Equal(written.Outputs, read.Outputs);
        Assert.Equal(written.UpdatedUtc, read.UpdatedUtc);

        var sunk = new System.Collections.Generic.Dictionary<string, DateTime>();
        var viaSink = CheckpointStore.Read(path, "SiemAlerts", "tenant-1", "region=US", (key, time) => sunk.Add(key, time))!;
        Assert.Empty(viaSink.Delivered);
        Assert.Equal(written.Delivered, sunk);
    }

    [Fact]
    public void A_missing_checkpoint_reads_as_none()
    {
        using var folder = new TemporaryFolder();
        Assert.Null(CheckpointStore.Read(folder.File("none.json"), "SiemAlerts", "t", "s"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"format\":\"MdeSiem.Checkpoint\",\"version\":1,\"api\":\"SiemAlerts\"")]
    [InlineData("{\"hello\":\"world\"}")]
    [InlineData("{\"format\":\"MdeSiem.Checkpoint\",\"version\":1,\"api\":\"SiemAlerts\",\"tenantId\":\"t\",\"scope\":\"s\",\"watermarkUtc\":\"not a date\",\"updatedUtc\":\"2026-01-01T00:00:00Z\",\"delivered\":{}}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"format\":\"MdeSiem.Checkpoint\",\"version\":1,\"api\":\"SiemAlerts\",\"tenantId\":\"t\",\"scope\":\"s\",\"watermarkUtc\":null,\"updatedUtc\":\"2026-01-01T00:00:00Z\",\"delivered\":{\"a\":{\"b\":1}}}")]
    [InlineData("{\"format\":\"MdeSiem.Checkpoint\",\"version\":1,\"api\":\"SiemAlerts\",\"tenantId\":\"t\",\"scope\":\"s\",\"watermarkUtc\":null,\"updatedUtc\":\"2026-01-01T00:00:00Z\",\"delivered\":{},\"positions\":{\"p\":-1}}")]
    [InlineData("{\"format\":\"MdeSiem.Checkpoint\",\"version\":1,\"api\":\"SiemAlerts\",\"tenantId\":\"t\",\"scope\":\"s\",\"watermarkUtc\":null,\"updatedUtc\":\"2026-01-01T00:00:00Z\"}")]
    [InlineData("{\"format\":\"MdeSiem.Checkpoint\",\"version\":1,\"api\":\"SiemAlerts\",\"tenantId\":\"t\",\"scope\":\"s\",\"watermarkUtc\":null,\"updatedUtc\":\"2026-01-01T00:00:00Z\",\"delivered\":{}} {}")]
    public void A_damaged_or_foreign_file_is_a_corrupt_checkpoint_not_a_fresh_start(string content)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        File.WriteAllText(path, content);

        var failure = Assert.Throws<MdeSiemException>(() => CheckpointStore.Read(path, "SiemAlerts", "t", "s"));
        Assert.Equal(ErrorCode.CheckpointCorrupt, failure.Code);
        Assert.Equal(content, File.ReadAllText(path));
    }

    // A newer format may not read as this one at all (here its keys hold objects): the version is what is reported,
    // whichever of "format" and "version" comes first.
    [Theory]
    [InlineData("{\"format\":\"MdeSiem.Checkpoint\",\"version\":2,")]
    [InlineData("{\"version\":2,\"format\":\"MdeSiem.Checkpoint\",")]
    public void A_checkpoint_from_a_newer_version_is_refused(string head)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        File.WriteAllText(path, head + "\"api\":\"SiemAlerts\",\"tenantId\":\"t\",\"scope\":\"s\",\"watermarkUtc\":null,\"updatedUtc\":\"2026-01-01T00:00:00Z\",\"delivered\":{\"a\":{\"at\":\"2026-01-01T00:00:00Z\"}}}");

        var failure = Assert.Throws<MdeSiemException>(() => CheckpointStore.Read(path, "SiemAlerts", "t", "s"));
        Assert.Equal(ErrorCode.CheckpointVersionUnsupported, failure.Code);
    }

    [Theory]
    [InlineData("GraphAlerts", "tenant-1", "region=US")]
    [InlineData("SiemAlerts", "tenant-2", "region=US")]
    [InlineData("SiemAlerts", "tenant-1", "region=EU")]
    public void A_checkpoint_of_another_pull_is_a_mismatch(string api, string tenant, string scope)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("c.json");
        CheckpointStore.Write(path, Sample());

        var failure = Assert.Throws<MdeSiemException>(() => CheckpointStore.Read(path, api, tenant, scope));
        Assert.Equal(ErrorCode.CheckpointMismatch, failure.Code);
    }

    [Fact]
    public void A_bare_name_resolves_into_the_state_folder()
    {
        var path = CheckpointStore.ResolvePath("nightly-siem");
        Assert.Equal("nightly-siem.json", Path.GetFileName(path));
        Assert.StartsWith(CheckpointStore.StateFolder(), path, StringComparison.Ordinal);
    }
}
