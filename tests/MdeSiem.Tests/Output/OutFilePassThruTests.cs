using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using MdeSiem.Tests.Checkpoints;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Output;

/// <summary>
/// -OutFile -PassThru: a record whose line is in the file is delivered, whatever the commands after it do with the
/// object passed on; the checkpoint must count it, or the next run writes it again.
/// </summary>
public sealed class OutFilePassThruTests : IAsyncLifetime
{
    private const string Pull = "Get-MdeSiemAlert -Checkpoint $path -OutFile $file -SinceTimeUtc ([DateTime]::UtcNow.AddHours(-7)) -AvailabilityLag 0 -WarningAction SilentlyContinue";

    private readonly TemporaryFolder _folder = new();
    private SimulatedTenant _tenant = null!;
    private HostedEngine _engine = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 50, Seed = 3, Span = TimeSpan.FromHours(6) });
        _engine = new HostedEngine();
        _engine.ConnectTo(_tenant, "-MaxRetryCount 0");
    }

    public async Task DisposeAsync()
    {
        _engine.Dispose();
        await _tenant.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public void A_record_passed_on_to_a_command_that_fails_is_in_the_file_once_after_the_next_run()
    {
        var variables = new (string, object?)[] { ("path", _folder.File("cp.json")), ("file", _folder.File("out.jsonl")) };
        var failed = _engine.Run("$n = 0; " + Pull + " -PassThru | ForEach-Object { $n++; if ($n -eq 5) { throw 'downstream failed' } }", variables);
        Assert.NotEmpty(failed.Errors);

        var rerun = _engine.Run(Pull, variables);

        Assert.Empty(rerun.Errors);
        var ids = File.ReadAllLines(_folder.File("out.jsonl")).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("FullId").GetString()).ToList();
        Assert.Equal(_tenant.Generator.Count, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }
}
