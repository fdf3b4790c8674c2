using System;
using System.Collections.Generic;
using System.IO;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mde;
using MdeSiem.Core.Siem;
using Xunit;

namespace MdeSiem.Tests.Checkpoints;

/// <summary>
/// A checkpoint file names the pull it belongs to in its "api" field. The call budgets got names of their own, so
/// these texts are now fixed by the file format alone: a file as the module wrote it before keeps loading.
/// </summary>
public class CheckpointApiNameTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>The "api" texts earlier versions wrote, with the scope of each pull (copied from files they wrote).</summary>
    public static IEnumerable<object[]> WrittenBefore() => new[]
    {
        new object[] { "SiemAlerts", SiemCheckpointScope.For(new SiemAlertQuery(), SiemRegion.US).Api, SiemCheckpointScope.For(new SiemAlertQuery(), SiemRegion.US).Description },
        new object[] { "MdeAlerts", MdeCheckpointScope.ForAlerts(new MdeAlertQuery()).Api, MdeCheckpointScope.ForAlerts(new MdeAlertQuery()).Description },
        new object[] { "XdrIncidents", MdeCheckpointScope.ForIncidents(new MdeIncidentQuery()).Api, MdeCheckpointScope.ForIncidents(new MdeIncidentQuery()).Description },
        new object[] { "GraphAlerts", GraphCheckpointScope.ForAlerts(new GraphAlertQuery()).Api, GraphCheckpointScope.ForAlerts(new GraphAlertQuery()).Description },
        new object[] { "GraphIncidents", GraphCheckpointScope.ForIncidents(new GraphIncidentQuery()).Api, GraphCheckpointScope.ForIncidents(new GraphIncidentQuery()).Description },
    };

    [Theory]
    [MemberData(nameof(WrittenBefore))]
    public void A_checkpoint_file_written_before_the_call_budgets_were_renamed_still_loads(string writtenApi, string api, string scope)
    {
        using var folder = new TemporaryFolder();
        var path = folder.File("old.json");
        File.WriteAllText(path, "{\"format\":\"MdeSiem.Checkpoint\",\"version\":1,\"api\":\"" + writtenApi + "\",\"tenantId\":\"t\",\"scope\":"
            + System.Text.Json.JsonSerializer.Serialize(scope)
            + ",\"watermarkUtc\":\"2026-03-01T10:00:00.0000000Z\",\"updatedUtc\":\"2026-03-01T10:00:05.0000000Z\",\"delivered\":{\"a|1\":\"2026-03-01T09:59:00.0000000Z\"}}");

        using var run = CheckpointRun.Begin(path, api, "t", scope, new CheckpointOptions { Overlap = TimeSpan.FromMinutes(15), AvailabilityLag = TimeSpan.Zero }, null, Now);

        Assert.Equal(new DateTime(2026, 3, 1, 9, 45, 0, DateTimeKind.Utc), run.SinceUtc);
    }
}
