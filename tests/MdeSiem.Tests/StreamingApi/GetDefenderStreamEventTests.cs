using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using MdeSiem.Core.StreamingApi;
using MdeSiem.Simulator;
using MdeSiem.Simulator.StreamingApi;
using MdeSiem.Tests.Checkpoints;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.StreamingApi;

/// <summary>Get-DefenderStreamEvent in a hosted engine against Azurite holding the simulator's export.</summary>
public sealed class GetDefenderStreamEventTests
{
    private const string Read = "Get-DefenderStreamEvent -EventType $table -ConnectionString $cs";

    [Fact]
    public async Task Checkpointed_runs_deliver_every_appended_record_exactly_once()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        // The last 50 minutes: every blob is of an hour that can still grow, as during a real day.
        var scenario = new StreamExportScenario(azurite, new SiemAlertGenerator(21, 400, DateTime.UtcNow, TimeSpan.FromMinutes(50)));
        using var folder = new TemporaryFolder();
        using var engine = new HostedEngine();
        string[] tables = { StreamingExportComposer.AlertInfo, StreamingExportComposer.AlertEvidence, StreamingExportComposer.DeviceEvents };
        var delivered = tables.ToDictionary(t => t, _ => new List<string>());

        foreach (var batch in new long[] { 90, 0, 130, 1, 179 })
        {
            var added = await scenario.AppendNextAsync(batch, tables);
            foreach (var table in tables)
            {
                // One checkpoint per table: each container is its own pull.
                var result = engine.Run(Read + " -Checkpoint $cp", ("table", table), ("cs", azurite.ConnectionString), ("cp", folder.File(table + ".json")));
                Assert.Empty(result.Errors);
                var keys = result.Output.Select(o => KeyOf(table, o)).ToList();
                // Each run delivers exactly what was appended since the previous one, in order.
                Assert.Equal(added[table].Select(StreamExportScenario.KeyOf), keys);
                delivered[table].AddRange(keys);
            }
        }

        foreach (var table in tables)
        {
            Assert.NotEmpty(scenario.Written(table));
            Assert.Equal(scenario.Written(table).Select(StreamExportScenario.KeyOf), delivered[table]);
        }
    }

    [Fact]
    public async Task A_first_checkpointed_run_with_since_never_delivers_the_earlier_records_later()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var scenario = new StreamExportScenario(azurite, new SiemAlertGenerator(12, 300, DateTime.UtcNow, TimeSpan.FromMinutes(50)));
        var first = (await scenario.AppendNextAsync(200, StreamingExportComposer.DeviceEvents))[StreamingExportComposer.DeviceEvents];
        var since = first[120].TimeUtc;
        using var folder = new TemporaryFolder();
        using var engine = new HostedEngine();
        var variables = new (string, object?)[] { ("table", "DeviceEvents"), ("cs", azurite.ConnectionString), ("cp", folder.File("cp.json")), ("since", since) };

        var firstRun = engine.Run(Read + " -Checkpoint $cp -Since $since", variables);
        var later = (await scenario.AppendNextAsync(100, StreamingExportComposer.DeviceEvents))[StreamingExportComposer.DeviceEvents];
        var secondRun = engine.Run(Read + " -Checkpoint $cp -Since $since", variables);

        Assert.Empty(firstRun.Errors);
        Assert.Equal(first.Where(l => l.TimeUtc >= since).Select(StreamExportScenario.KeyOf), firstRun.Output.Select(o => KeyOf(StreamingExportComposer.DeviceEvents, o)));
        Assert.Empty(secondRun.Errors);
        Assert.Equal(later.Select(StreamExportScenario.KeyOf), secondRun.Output.Select(o => KeyOf(StreamingExportComposer.DeviceEvents, o)));
    }

    [Fact]
    public async Task Since_and_until_select_records_across_hourly_blobs()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var end = new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
        var scenario = new StreamExportScenario(azurite, new SiemAlertGenerator(5, 600, end, TimeSpan.FromHours(6)));
        await scenario.AppendNextAsync(600, StreamingExportComposer.AlertEvidence);
        var since = new DateTime(2026, 11, 20, 7, 40, 0, DateTimeKind.Utc);
        var until = new DateTime(2026, 11, 20, 10, 15, 0, DateTimeKind.Utc);
        var expected = scenario.Written(StreamingExportComposer.AlertEvidence)
            .Where(line => line.TimeUtc >= since && line.TimeUtc < until)
            .Select(StreamExportScenario.KeyOf)
            .ToList();

        using var engine = new HostedEngine();
        var result = engine.Run(
            Read + " -Since $since -Until $until",
            ("table", "AlertEvidence"),
            ("cs", azurite.ConnectionString),
            ("since", since),
            ("until", until));

        Assert.Empty(result.Errors);
        Assert.True(expected.Count > 50, "the window holds a few hours of records");
        Assert.Equal(expected, result.Output.Select(o => KeyOf(StreamingExportComposer.AlertEvidence, o)));
        Assert.True(result.Output.Select(o => (string)o.Properties["BlobName"].Value).Distinct().Count() >= 3, "the window spans several hourly blobs");
        var first = Assert.IsType<MdeSiem.Core.StreamingApi.AlertEvidenceEvent>(result.Output[0].BaseObject);
        Assert.Equal(StreamExportScenario.TenantId, first.TenantId);
        Assert.Equal(DateTimeKind.Utc, first.Timestamp!.Value.Kind);
    }

    [Fact]
    public async Task A_line_still_being_written_is_delivered_once_it_is_whole()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var scenario = new StreamExportScenario(azurite, new SiemAlertGenerator(8, 20, DateTime.UtcNow, TimeSpan.FromMinutes(30)));
        var added = await scenario.AppendNextAsync(20, StreamingExportComposer.DeviceEvents);
        var hour = added[StreamingExportComposer.DeviceEvents][^1].TimeUtc;
        var extra = new StreamExportScenario(azurite, new SiemAlertGenerator(9, 1, hour.AddSeconds(1), TimeSpan.FromSeconds(1)));
        var line = new StreamingExportComposer(StreamExportScenario.TenantId).Compose(StreamingExportComposer.DeviceEvents, new[] { extra.Generator.GetRecord(0) }).Single();
        using var folder = new TemporaryFolder();
        using var engine = new HostedEngine();
        var variables = new (string, object?)[] { ("table", "DeviceEvents"), ("cs", azurite.ConnectionString), ("cp", folder.File("cp.json")) };

        await scenario.Writer.AppendRawAsync(StreamingExportComposer.DeviceEvents, hour, line.Json[..40]);
        var first = engine.Run(Read + " -Checkpoint $cp", variables);
        await scenario.Writer.AppendRawAsync(StreamingExportComposer.DeviceEvents, hour, line.Json[40..] + "\r\n");
        var second = engine.Run(Read + " -Checkpoint $cp", variables);

        Assert.Empty(first.Errors);
        Assert.Equal(20, first.Output.Count);
        Assert.Empty(second.Errors);
        Assert.Equal(StreamExportScenario.KeyOf(line), KeyOf(StreamingExportComposer.DeviceEvents, Assert.Single(second.Output)));
    }

    [Fact]
    public async Task A_settled_blob_with_a_byte_order_mark_and_a_last_empty_line_is_delivered_once_and_passed_by_the_watermark()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var writer = new StreamingExportWriter(azurite.Client(), StreamExportScenario.TenantId);
        var hour = StreamingBlobPath.Floor(DateTime.UtcNow).AddHours(-5);
        static string Line(DateTime time, string key) =>
            "{\"time\":\"" + time.ToString("o", System.Globalization.CultureInfo.InvariantCulture) + "\",\"category\":\"AdvancedHunting-DeviceEvents\",\"properties\":{\"AdditionalFields\":\"" + key + "\"}}";
        await writer.AppendRawAsync(StreamingExportComposer.DeviceEvents, hour, "\uFEFF" + Line(hour.AddMinutes(1), "k1") + "\n" + Line(hour.AddMinutes(2), "k2") + "\n\n");
        using var folder = new TemporaryFolder();
        using var engine = new HostedEngine();
        var variables = new (string, object?)[] { ("table", "DeviceEvents"), ("cs", azurite.ConnectionString), ("cp", folder.File("cp.json")) };

        var first = engine.Run(Read + " -Checkpoint $cp", variables);
        var second = engine.Run(Read + " -Checkpoint $cp", variables);

        Assert.Empty(first.Errors);
        Assert.Equal(new[] { "k1", "k2" }, first.Output.Select(o => KeyOf(StreamingExportComposer.DeviceEvents, o)));
        Assert.Empty(second.Errors);
        Assert.Empty(second.Output);
        var scope = StreamCheckpointRun.ScopeOf(StreamStorageTarget.ForConnectionString(azurite.ConnectionString), new StreamEventQuery("DeviceEvents"));
        using var run = StreamCheckpointRun.Begin(folder.File("cp.json"), string.Empty, scope, TimeSpan.FromHours(2));
        Assert.True(run.WatermarkHourUtc > hour, $"The watermark stayed at {run.WatermarkHourUtc:o}.");
    }

    [Fact]
    public async Task A_line_that_is_not_a_record_is_a_non_terminating_error_and_the_rest_arrive()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var scenario = new StreamExportScenario(azurite, new SiemAlertGenerator(3, 30, new DateTime(2026, 11, 1, 6, 30, 0, DateTimeKind.Utc), TimeSpan.FromMinutes(20)));
        var before = await scenario.AppendNextAsync(10, StreamingExportComposer.AlertInfo);
        var hour = before[StreamingExportComposer.AlertInfo][^1].TimeUtc;
        await scenario.Writer.AppendRawAsync(StreamingExportComposer.AlertInfo, hour, "{\"time\": not json\r\n");
        await scenario.AppendNextAsync(20, StreamingExportComposer.AlertInfo);
        using var engine = new HostedEngine();

        var result = engine.Run(Read, ("table", "AlertInfo"), ("cs", azurite.ConnectionString));

        Assert.Equal("MdeSiem.InvalidResponse", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(scenario.Written(StreamingExportComposer.AlertInfo).Select(StreamExportScenario.KeyOf), result.Output.Select(o => KeyOf(StreamingExportComposer.AlertInfo, o)));
    }

    [Fact]
    public async Task A_table_that_is_not_exported_is_NotFound_and_until_with_checkpoint_is_InvalidArgument()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        using var engine = new HostedEngine();

        var missing = engine.Run(Read, ("table", "DeviceLogonEvents"), ("cs", azurite.ConnectionString));
        var combined = engine.Run(Read + " -Checkpoint x -Until $until", ("table", "AlertInfo"), ("cs", azurite.ConnectionString), ("until", DateTime.UtcNow));
        var badName = engine.Run(Read, ("table", "Alert Info"), ("cs", azurite.ConnectionString));

        Assert.Equal("MdeSiem.NotFound", ErrorId(Assert.Single(missing.Errors)));
        Assert.Equal("MdeSiem.InvalidArgument", ErrorId(Assert.Single(combined.Errors)));
        Assert.Equal("MdeSiem.InvalidArgument", ErrorId(Assert.Single(badName.Errors)));
    }

    [Fact]
    public async Task Neither_the_sas_signature_nor_the_account_key_appear_in_any_stream_or_checkpoint()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var scenario = new StreamExportScenario(azurite, new SiemAlertGenerator(4, 40, DateTime.UtcNow, TimeSpan.FromMinutes(30)));
        await scenario.AppendNextAsync(40, StreamingExportComposer.AlertInfo);
        var sas = azurite.AccountSas();
        var signature = Uri.UnescapeDataString(System.Web.HttpUtility.ParseQueryString(sas.Query)["sig"]!);
        var containerSas = azurite.Client().GetBlobContainerClient("insights-logs-advancedhunting-alertinfo")
            .GenerateSasUri(Azure.Storage.Sas.BlobContainerSasPermissions.Read | Azure.Storage.Sas.BlobContainerSasPermissions.List, DateTimeOffset.UtcNow.AddHours(1));
        var containerSignature = Uri.UnescapeDataString(System.Web.HttpUtility.ParseQueryString(containerSas.Query)["sig"]!);
        using var folder = new TemporaryFolder();
        using var engine = new HostedEngine();

        var runs = new[]
        {
            engine.Run("Get-DefenderStreamEvent AlertInfo -SasUri $sas -Checkpoint $cp -Verbose", ("sas", sas), ("cp", folder.File("sas.json"))),
            engine.Run("Get-DefenderStreamEvent AlertInfo -SasUri $sas -Verbose", ("sas", containerSas)),
            engine.Run(Read + " -Checkpoint $cp -Verbose", ("table", "AlertInfo"), ("cs", azurite.ConnectionString), ("cp", folder.File("cs.json"))),
            // Failures: a container SAS for another table, a missing container, a connection string that is not one.
            engine.Run("Get-DefenderStreamEvent AlertEvidence -SasUri $sas -Verbose", ("sas", containerSas)),
            engine.Run("Get-DefenderStreamEvent DeviceEvents -SasUri $sas -Verbose", ("sas", sas)),
            engine.Run(Read + " -Verbose", ("table", "DeviceEvents"), ("cs", azurite.ConnectionString)),
            engine.Run(Read + " -Verbose", ("table", "AlertInfo"), ("cs", "AccountName=x;AccountKey=" + AzuriteServer.AccountKey + ";Broken")),
        };

        var alerts = scenario.Written(StreamingExportComposer.AlertInfo).Count;
        Assert.Equal(alerts, runs[0].Output.Count);
        Assert.Equal(alerts, runs[1].Output.Count);
        Assert.Equal(alerts, runs[2].Output.Count);
        Assert.All(runs.Skip(3), run => Assert.NotEmpty(run.Errors));
        var everything = runs.SelectMany(Texts).Concat(Directory.GetFiles(folder.Path).Select(File.ReadAllText)).ToList();
        Assert.Contains(everything, text => text.Contains("devstoreaccount1", StringComparison.Ordinal));
        foreach (var secret in new[] { signature, containerSignature, AzuriteServer.AccountKey })
        {
            Assert.DoesNotContain(everything, text => text.Contains(secret, StringComparison.Ordinal) || text.Contains(Uri.EscapeDataString(secret), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task By_account_name_the_connection_token_for_storage_reads_the_export()
    {
        await using var azurite = await AzuriteServer.StartAsync(httpsWithOAuth: true);
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 60, Seed = 6 });
        var scenario = new StreamExportScenario(azurite, new SiemAlertGenerator(6, 60, DateTime.UtcNow, TimeSpan.FromMinutes(40)));
        await scenario.AppendNextAsync(60, StreamingExportComposer.DeviceEvents);
        using var engine = new HostedEngine();
        engine.ConnectTo(tenant);

        var result = engine.Run(
            "Get-DefenderStreamEvent DeviceEvents -StorageAccountName devstoreaccount1 -BlobServiceUri $uri -Verbose",
            ("uri", azurite.BlobEndpoint));
        var tokens = engine.Run("(Get-MdeSiemConnection).Tokens | ForEach-Object Resource");

        Assert.Empty(result.Errors);
        Assert.Equal(scenario.Written(StreamingExportComposer.DeviceEvents).Select(StreamExportScenario.KeyOf), result.Output.Select(o => KeyOf(StreamingExportComposer.DeviceEvents, o)));
        Assert.Contains("https://storage.azure.com", tokens.Output.Select(o => o.ToString()));
        Assert.DoesNotContain(result.Verbose, line => line.Contains(tenant.ClientSecret, StringComparison.Ordinal) || line.Contains("eyJ", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Texts(EngineResult result)
    {
        foreach (var output in result.Output)
        {
            yield return output.ToString();
            foreach (var property in output.Properties)
            {
                yield return property.Value?.ToString() ?? string.Empty;
            }
        }

        foreach (var error in result.Errors)
        {
            yield return error.ToString();
            yield return error.ErrorDetails?.Message ?? string.Empty;
            yield return error.ErrorDetails?.RecommendedAction ?? string.Empty;
            yield return error.TargetObject?.ToString() ?? string.Empty;
            for (var exception = error.Exception; exception is not null; exception = exception.InnerException)
            {
                yield return exception.ToString();
            }
        }

        foreach (var line in result.Verbose.Concat(result.Warnings))
        {
            yield return line;
        }
    }

    private static string ErrorId(ErrorRecord error) => error.FullyQualifiedErrorId.Split(',')[0];

    /// <summary>The identity of an emitted record, read from the properties a user sees.</summary>
    private static string KeyOf(string table, PSObject output) => table switch
    {
        StreamingExportComposer.AlertInfo => (string)output.Properties["AlertId"].Value,
        StreamingExportComposer.AlertEvidence => output.Properties["AlertId"].Value + "|" + output.Properties["EntityType"].Value + "|" + output.Properties["AdditionalFields"].Value,
        _ => (string)output.Properties["AdditionalFields"].Value,
    };
}
