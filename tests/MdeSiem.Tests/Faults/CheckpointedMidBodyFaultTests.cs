using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Core.Siem;
using MdeSiem.Simulator;
using MdeSiem.Tests.Checkpoints;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Faults;

/// <summary>
/// Fault-matrix rows for the mid-body faults on scheduled SIEM runs: a connection reset and a body that stalls past
/// the body timeout. Each run that fails keeps the watermark, records only what it delivered, and the re-run
/// delivers the rest, so every generated record (the simulator generator's ground truth) arrives exactly once.
/// </summary>
public sealed class CheckpointedMidBodyFaultTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;

    private string CheckpointPath => _folder.File("siem.json");

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 300, Seed = 41, Span = TimeSpan.FromHours(6) });
        _engine = new HostedEngine();
        // Long enough that a loaded machine's pauses are not taken for a stall; the stall fault lasts far longer.
        _engine.ConnectTo(_tenant, "-MaxRetryCount 0 -BodyTimeoutSec 5");
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
        _folder.Dispose();
    }

    public static TheoryData<string, string> MidBodyFaults() => new()
    {
        { "reset", "MdeSiem.IncompleteResponse" },
        { "stall", "MdeSiem.ResponseBodyTimeout" },
    };

    [Theory]
    [MemberData(nameof(MidBodyFaults))]
    public void A_run_broken_mid_body_keeps_the_watermark_and_the_rerun_delivers_the_rest_once(string fault, string errorId) =>
        BreakMidBodyAndRerun(
            lateAlerts: 400,
            // Enough late records that the next body is long; the fault cuts it about a third of the way in.
            _ => fault == "reset" ? SimulatedFault.ResetMidBody(200_000) : SimulatedFault.StallMidBody(200_000, TimeSpan.FromSeconds(30)),
            errorId,
            leastDeliveredByFailure: 1);

    /// <summary>
    /// A failed run that delivered more records than a run holds as keys in memory: the keys past those were spilled
    /// to a file beside the checkpoint, and the failed run must still save every one of them.
    /// </summary>
    [Fact]
    public void A_run_broken_after_more_records_than_it_holds_in_memory_saves_every_key_and_the_rerun_delivers_the_rest_once()
    {
        var held = new MdeSiem.Core.Checkpoints.CheckpointOptions().DeliveredKeysHeldInMemory;
        BreakMidBodyAndRerun(
            lateAlerts: held + held / 5,
            // Cut at nine tenths of the late records' bytes: more records than are held have gone out by then.
            late =>
            {
                using var body = new MemoryStream();
                SiemRecordWriter.WriteArray(body, late.GetRecords());
                return SimulatedFault.ResetMidBody(body.Length / 10 * 9);
            },
            "MdeSiem.IncompleteResponse",
            leastDeliveredByFailure: held + 1);
    }

    private void BreakMidBodyAndRerun(int lateAlerts, Func<SiemAlertGenerator, SimulatedFault> fault, string errorId, int leastDeliveredByFailure)
    {
        var delivered = new List<string>();
        var first = Run();
        Assert.Empty(first.Errors);
        delivered.AddRange(FullIds(first));
        var watermark = ReadCheckpoint().GetProperty("watermarkUtc").GetString();
        Assert.NotNull(watermark);

        _tenant.EnqueueFault(fault(_tenant.AddLateAlerts(lateAlerts, TimeSpan.FromMinutes(5))));
        var failed = Run();

        var error = Assert.Single(failed.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.IsType<MdeSiem.Core.Errors.MdeSiemException>(error.Exception);
        var deliveredByFailedRun = FullIds(failed);
        Assert.InRange(deliveredByFailedRun.Count, leastDeliveredByFailure, lateAlerts - 1);
        delivered.AddRange(deliveredByFailedRun);

        // Not advanced: the same watermark, and exactly the failed run's records added to the delivered keys.
        var afterFailure = ReadCheckpoint();
        Assert.Equal(watermark, afterFailure.GetProperty("watermarkUtc").GetString());
        var keys = afterFailure.GetProperty("delivered").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(deliveredByFailedRun.ToHashSet(StringComparer.Ordinal), keys);
        Assert.DoesNotContain(LateIds().Except(deliveredByFailedRun), keys.Contains);

        var rerun = Run();
        Assert.Empty(rerun.Errors);
        delivered.AddRange(FullIds(rerun));
        Assert.Empty(Run().Output);

        Assert.Equal(delivered.Count, delivered.Distinct().Count());
        Assert.Equal(
            _tenant.Batches.SelectMany(batch => batch.GetRecords()).Select(r => r.FullId).OrderBy(id => id, StringComparer.Ordinal),
            delivered.OrderBy(id => id, StringComparer.Ordinal));
    }

    private EngineResult Run() => _engine.Run(
        "Get-MdeSiemAlert -Checkpoint $path -SinceTimeUtc ([DateTime]::UtcNow.AddHours(-7)) -AvailabilityLag 0 -WarningAction SilentlyContinue",
        ("path", CheckpointPath));

    private IEnumerable<string> LateIds() => _tenant.Batches.Skip(1).SelectMany(batch => batch.GetRecords()).Select(r => r.FullId);

    private static List<string> FullIds(EngineResult result) => result.OutputOf<MdeSiemAlert>().Select(a => a.FullId!).ToList();

    private JsonElement ReadCheckpoint()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(CheckpointPath));
        return document.RootElement.Clone();
    }
}
