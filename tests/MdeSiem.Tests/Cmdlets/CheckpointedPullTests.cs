using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Core.Siem;
using MdeSiem.Simulator;
using MdeSiem.Tests.Checkpoints;
using Xunit;

namespace MdeSiem.Tests.Cmdlets;

/// <summary>
/// Scheduled runs with -Checkpoint against the simulated tenant: across runs that succeed, fail mid-body and see
/// late records, every generated record is delivered exactly once. Ground truth is the simulator's generator.
/// </summary>
public sealed class CheckpointedPullTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;

    private string CheckpointPath => _folder.File("siem.json");

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 600, Seed = 21, Span = TimeSpan.FromHours(6) });
        _engine = new HostedEngine();
        _engine.ConnectTo(_tenant, "-MaxRetryCount 0");
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
        _folder.Dispose();
    }

    private EngineResult Run() => _engine.Run(
        "Get-MdeSiemAlert -Checkpoint $path -SinceTimeUtc ([DateTime]::UtcNow.AddHours(-7)) -AvailabilityLag 0 -WarningAction SilentlyContinue",
        ("path", CheckpointPath));

    private IEnumerable<string> GroundTruth => _tenant.Batches.SelectMany(batch => batch.GetRecords()).Select(r => r.FullId);

    [Fact]
    public void Runs_with_failures_and_late_records_deliver_every_record_exactly_once()
    {
        var delivered = new List<string>();
        void Collect(EngineResult result) => delivered.AddRange(result.OutputOf<MdeSiemAlert>().Select(a => a.FullId!));

        var first = Run();
        Assert.Empty(first.Errors);
        Collect(first);
        Assert.Equal(_tenant.Generator.Count, delivered.Count);

        // Records that became queryable after the first run, with times inside the overlap window.
        _tenant.AddLateAlerts(40, TimeSpan.FromMinutes(5));
        var second = Run();
        Assert.Empty(second.Errors);
        Collect(second);
        Assert.Equal(40, second.OutputOf<MdeSiemAlert>().Count());

        // More late records, and a body that breaks off part-way: what arrived is delivered, the rest follows.
        _tenant.AddLateAlerts(30, TimeSpan.FromMinutes(5));
        _tenant.EnqueueFault(SimulatedFault.TruncateAfter(25));
        var failed = Run();
        Assert.Single(failed.Errors);
        Collect(failed);

        var rerun = Run();
        Assert.Empty(rerun.Errors);
        Collect(rerun);

        var quiet = Run();
        Assert.Empty(quiet.Errors);
        Assert.Empty(quiet.Output);

        Assert.Equal(delivered.Count, delivered.Distinct().Count());
        Assert.Equal(GroundTruth.OrderBy(id => id, StringComparer.Ordinal), delivered.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void A_run_while_another_holds_the_checkpoint_is_refused_with_its_own_error_id()
    {
        File.WriteAllText(CheckpointPath + ".lock", $"{Environment.MachineName}|{Environment.ProcessId}|{DateTime.UtcNow:o}");

        var result = Run();

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("MdeSiem.CheckpointLocked,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_corrupt_checkpoint_stops_the_run_and_is_left_as_it_was()
    {
        File.WriteAllText(CheckpointPath, "{ not json");

        var result = Run();

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("MdeSiem.CheckpointCorrupt,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("{ not json", File.ReadAllText(CheckpointPath));
        Assert.False(File.Exists(CheckpointPath + ".lock"));
    }

    [Fact]
    public void Limit_cannot_be_combined_with_a_checkpoint()
    {
        var result = _engine.Run("Get-MdeSiemAlert -Checkpoint $path -Limit 5", ("path", CheckpointPath));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("AmbiguousParameterSet,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void With_OutFile_and_PassThru_a_record_passed_on_to_a_command_that_fails_is_in_the_file_once_after_the_next_run()
    {
        // The record's line is in the file before it is passed on: the checkpoint must count it whatever the
        // commands after it do, or the next run writes it again.
        const string Pull = "Get-MdeSiemAlert -Checkpoint $path -OutFile $file -SinceTimeUtc ([DateTime]::UtcNow.AddHours(-7)) -AvailabilityLag 0 -WarningAction SilentlyContinue";
        var variables = new (string, object?)[] { ("path", CheckpointPath), ("file", _folder.File("out.jsonl")) };
        var failed = _engine.Run("$n = 0; " + Pull + " -PassThru | ForEach-Object { $n++; if ($n -eq 5) { throw 'downstream failed' } }", variables);
        Assert.NotEmpty(failed.Errors);

        var rerun = _engine.Run(Pull, variables);

        Assert.Empty(rerun.Errors);
        var written = File.ReadAllLines(_folder.File("out.jsonl")).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("FullId").GetString()!).ToList();
        Assert.Equal(GroundTruth.OrderBy(id => id, StringComparer.Ordinal), written.OrderBy(id => id, StringComparer.Ordinal));
    }
}
