using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace MdeSiem.Benchmarks;

/// <summary>
/// Measures every contender against the same simulated tenant in one run and prints ratios, never absolute
/// targets: these machines are shared, so only numbers taken side by side mean anything.
/// </summary>
internal static class Program
{
    private const string ModuleNull = "Get-MdeSiemAlert | Out-Null (1)";
    private const string ModuleCsv = "Get-MdeSiemAlert | Export-Csv (1)";
    private const string ModuleOutFile = "Get-MdeSiemAlert -OutFile (JSON lines) (1)";
    private const string ModuleJson = "Get-MdeSiemAlert | ConvertTo-Json | Add-Content (1)";
    private const string ModuleCheckpointed = "Get-MdeSiemAlert -OutFile -Checkpoint (1)";
    private const string RecipeNull = "Get-MdeSiemAlert | Out-Null, PGO off (1)";
    private const string RecipeOutFile = "Get-MdeSiemAlert -OutFile, PGO off (1)";
    private const string RestNull = "Invoke-RestMethod | Out-Null (A)";
    private const string WebNull = "Invoke-WebRequest + ConvertFrom-Json (A)";
    private const string RestCsv = "Invoke-RestMethod | Export-Csv (A)";
    private const string Scan = JsonScanBaseline.Name;

    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == JsonScanBaseline.ChildSwitch)
        {
            return await JsonScanBaseline.RunChildAsync(args);
        }

        if (args.Length > 0 && args[0] == EventHubWorkload.ChildSwitch)
        {
            return await EventHubWorkload.RunChildAsync(args);
        }

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        var pwsh = new PwshRunner(options.Pwsh);
        var scripts = Path.Combine(AppContext.BaseDirectory, "Scripts");
        var csvPath = Path.Combine(Path.GetTempPath(), $"mdesiem-bench-{Guid.NewGuid():N}.csv");
        var results = new List<Measurement>();
        foreach (var size in options.Sizes)
        {
            Console.Error.WriteLine($"Size {size:N0}: starting the simulated tenant...");
            using var simulator = SimulatorProcess.Start(options.SimulatorAssembly, size);
            var parameters = new Dictionary<string, string>
            {
                ["BaseUri"] = simulator.BaseUri,
                ["TenantId"] = simulator.TenantId,
                ["ClientId"] = simulator.ClientId,
            };

            // Every pull contender, each in a fresh process: a one-record warm-up request, then the full pull twice on
            // that connection, the faster one reported (the first also pays for optimising the JIT's code of its hot
            // loop). The simulated tenant serves one untimed full pull first, so no first run pays for its start.
            await JsonScanBaseline.WarmSimulatorAsync(simulator);
            for (var round = 1; round <= options.Rounds; round++)
            {
                if (options.Rounds > 1)
                {
                    Console.Error.WriteLine($"  round {round} of {options.Rounds}");
                }

                results.AddRange(MeasureRound(pwsh, scripts, options, simulator, parameters, size, csvPath).Select(m => m with { Round = round }));
            }
        }

        File.Delete(csvPath);
        foreach (var left in Directory.GetFiles(Path.GetDirectoryName(csvPath)!, Path.GetFileName(csvPath) + ".checkpoint*"))
        {
            File.Delete(left);
        }

        if (options.HubAlerts > 0 && options.Runs(EventHubWorkload.Module))
        {
            results.AddRange(EventHubWorkload.Measure(pwsh, scripts, options.SimulatorAssembly, options.ModuleManifest, options.HubAlerts, options.Rounds));
        }

        double? import = options.ImportRuns > 0 ? MeasureImport(pwsh, options) : null;
        Report(results, import, options.OutputDirectory);
        return 0;
    }

    /// <summary>One round at one size: the scan, then every selected contender against the same tenant.</summary>
    private static List<Measurement> MeasureRound(PwshRunner pwsh, string scripts, BenchOptions options, SimulatorProcess simulator, Dictionary<string, string> parameters, long size, string csvPath)
    {
        var results = new List<Measurement>();
        Console.Error.WriteLine("  scan (B)");
        var scan = JsonScanBaseline.RunInFreshProcess(simulator, size);
        results.Add(scan);

        var module = new Dictionary<string, string>(parameters) { ["ModuleManifest"] = options.ModuleManifest };
        var pull = Path.Combine(scripts, "Measure-ModulePull.ps1");
        var contenders = new List<(string Name, string Script, Dictionary<string, string> Parameters, IReadOnlyDictionary<string, string>? Environment)>
        {
            (ModuleNull, pull, With(module, ("Sink", "Null")), null),
            (ModuleCsv, pull, With(module, ("Sink", "Csv"), ("CsvPath", csvPath)), null),
            (ModuleOutFile, pull, With(module, ("Sink", "OutFile"), ("CsvPath", csvPath)), null),
            (ModuleCheckpointed, pull, With(module, ("Sink", "OutFileCheckpoint"), ("CsvPath", csvPath)), null),
            (RecipeNull, pull, With(module, ("Sink", "Null")), ScheduledRun.Environment),
            (RecipeOutFile, pull, With(module, ("Sink", "OutFile"), ("CsvPath", csvPath)), ScheduledRun.Environment),
        };

        // ConvertTo-Json holds every record until the end: like the web baselines, not run at the largest size.
        if (size <= options.BaselineMaxSize)
        {
            contenders.Add((ModuleJson, pull, With(module, ("Sink", "Json"), ("CsvPath", csvPath)), null));
        }

        foreach (var (name, script, arguments, environment) in contenders.Where(c => options.Runs(c.Name)))
        {
            var measured = Measure(pwsh, name, size, scan, script, arguments, simulator.ClientSecret, environment);
            results.Add(environment is null || measured.Note is not null ? measured : measured with { Detail = ScheduledRun.Detail });
        }

        if (options.Runs(GraphConversionWorkload.Streamed))
        {
            results.AddRange(GraphConversionWorkload.Measure(pwsh, scripts, module, simulator.ClientSecret, size, scan));
        }

        var baseline = Path.Combine(scripts, "Measure-WebBaseline.ps1");
        foreach (var (name, method, sink) in new[] { (RestNull, "RestMethod", "Null"), (WebNull, "WebRequest", "Null"), (RestCsv, "RestMethod", "Csv") })
        {
            if (!options.Runs(name))
            {
                continue;
            }

            if (size > options.BaselineMaxSize)
            {
                results.Add(new Measurement(name, size, 0, 0, 0, 0, 0, $"not run above {options.BaselineMaxSize:N0}: holds the whole body in memory"));
                continue;
            }

            results.Add(Measure(pwsh, name, size, scan, baseline, With(parameters, ("Method", method), ("Sink", sink), ("CsvPath", csvPath)), simulator.ClientSecret));
        }

        return results;
    }

    private static Dictionary<string, string> With(Dictionary<string, string> parameters, params (string Name, string Value)[] extra)
    {
        var copy = new Dictionary<string, string>(parameters);
        foreach (var (name, value) in extra)
        {
            copy[name] = value;
        }

        return copy;
    }

    private static Measurement Measure(PwshRunner pwsh, string workload, long size, Measurement scan, string script, Dictionary<string, string> parameters, string secret, IReadOnlyDictionary<string, string>? environment = null)
    {
        Console.Error.WriteLine("  " + workload);
        var (result, failure) = pwsh.RunScript(script, parameters, secret, TimeSpan.FromMinutes(30), environment);
        if (result is not { } json)
        {
            return new Measurement(workload, size, 0, 0, 0, 0, 0, "failed: " + failure);
        }

        var records = json.GetProperty("records").GetInt64();
        return Measurement.FromRuns(json, workload, size, records < 0 ? scan.Records : records, scan.Bytes);
    }

    /// <summary>Median wall time of a fresh pwsh that imports the module, minus one that does not.</summary>
    private static double MeasureImport(PwshRunner pwsh, BenchOptions options)
    {
        Console.Error.WriteLine("Import-Module, cold");
        var bare = new List<double>();
        var import = new List<double>();
        for (var i = 0; i < options.ImportRuns; i++)
        {
            bare.Add(pwsh.TimeCommand("$null"));
            import.Add(pwsh.TimeCommand($"Import-Module '{options.ModuleManifest}'"));
        }

        return Median(import) - Median(bare);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>
    /// A row's ratios against the (A) baseline, the (B) baseline, and of its first run against (B)'s best, each taken
    /// in the row's own round; null where there is no baseline or the row has no ratios.
    /// </summary>
    private static (double? VsA, double? VsB, double? FirstVsB) Ratios(List<Measurement> results, Measurement m)
    {
        var a = results.FirstOrDefault(r => r.Round == m.Round && r.Size == m.Size && r.Workload == RestNull && r.Note is null);
        // The Event Hubs rows are set against their own baseline, the bare receive loop.
        var b = m.Workload.EndsWith("(5)", StringComparison.Ordinal)
            ? results.FirstOrDefault(r => r.Round == m.Round && r.Workload == EventHubWorkload.Receive)
            : results.FirstOrDefault(r => r.Round == m.Round && r.Size == m.Size && r.Workload == Scan);
        if (m.Note is not null || !m.HasRatios)
        {
            return (null, null, null);
        }

        double? vsA = a is null ? null : m.RecordsPerSecond / a.RecordsPerSecond;
        double? vsB = b is null ? null : m.RecordsPerSecond / b.RecordsPerSecond;

        // A scheduled script pays the first full run of a fresh process: its rate against the scan's best.
        double? firstVsB = b is null || m.FirstSeconds is not > 0 ? null : m.Records / m.FirstSeconds.Value / b.RecordsPerSecond;
        return (vsA, vsB, firstVsB);
    }


    /// <summary>With more than one round: each workload's "vs B" and "1st vs B" in every round, and their medians.</summary>
    private static void ReportRounds(List<Measurement> results)
    {
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine("By round (each ratio against the baseline of its own round), then the median:");
        Console.WriteLine(string.Format(culture, "{0,-42} {1,10}  {2,-28} {3,7}  {4,-28} {5,7}", "workload", "N", "vs B by round", "median", "1st vs B by round", "median"));
        foreach (var group in results.Where(m => m.Note is null && m.HasRatios).GroupBy(m => (m.Workload, m.Size)))
        {
            var ratios = group.OrderBy(m => m.Round).Select(m => Ratios(results, m)).ToList();
            var vsB = ratios.Where(r => r.VsB is not null).Select(r => r.VsB!.Value).ToList();
            var first = ratios.Where(r => r.FirstVsB is not null).Select(r => r.FirstVsB!.Value).ToList();
            if (vsB.Count == 0)
            {
                continue;
            }

            Console.WriteLine(string.Format(
                culture,
                "{0,-42} {1,10:N0}  {2,-28} {3,7}  {4,-28} {5,7}",
                group.Key.Workload, group.Key.Size,
                string.Join(" ", vsB.Select(r => r.ToString("P0", culture))), Median(vsB).ToString("P0", culture),
                string.Join(" ", first.Select(r => r.ToString("P0", culture))), first.Count == 0 ? "-" : Median(first).ToString("P0", culture)));
        }

        Console.WriteLine();
    }

    private static void Report(List<Measurement> results, double? importSeconds, string outputDirectory)
    {
        var culture = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Format(culture, "{0,-42} {1,10} {2,9} {3,11} {4,8} {5,9} {6,10} {7,8} {8,8} {9,7} {10,8} {11,7}", "workload", "N", "seconds", "records/s", "MB/s", "peak MB", "growth MB", "vs A", "vs B", "1st s", "1st vs B", "CPU s"));
        var rows = new List<object>();

        // In a run of several rounds, each row says its round.
        var inRounds = results.Any(r => r.Round > 1);
        string WithRound(Measurement m) => m.Workload + (inRounds ? $" [{m.Round}]" : string.Empty);
        foreach (var m in results)
        {
            var (vsA, vsB, firstVsB) = Ratios(results, m);
            if (m.Note is not null)
            {
                Console.WriteLine(string.Format(culture, "{0,-42} {1,10:N0}   {2}", WithRound(m), m.Size, m.Note));
            }
            else
            {
                Console.WriteLine(string.Format(
                    culture,
                    "{0,-42} {1,10:N0} {2,9:F2} {3,11:N0} {4,8} {5,9:F0} {6,10:F0} {7,8} {8,8} {9,7} {10,8} {11,7}{12}",
                    WithRound(m), m.Size, m.Seconds, m.RecordsPerSecond,
                    m.Bytes == 0 ? "-" : m.MegabytesPerSecond.ToString("F1", culture), m.PeakMegabytes, m.GrowthMegabytes,
                    vsA is null ? "-" : vsA.Value.ToString("F1", culture) + "x",
                    vsB is null ? "-" : vsB.Value.ToString("P0", culture),
                    m.FirstSeconds is { } firstRun ? firstRun.ToString("F2", culture) : "-",
                    firstVsB is null ? "-" : firstVsB.Value.ToString("P0", culture),
                    m.CpuSeconds is { } cpu ? cpu.ToString("F2", culture) : "-",
                    m.Detail is null ? string.Empty : "  " + m.Detail));
            }

            rows.Add(new
            {
                workload = m.Workload, round = m.Round, n = m.Size, seconds = m.Seconds, recordsPerSecond = m.RecordsPerSecond,
                megabytesPerSecond = m.MegabytesPerSecond, peakMegabytes = m.PeakMegabytes, growthMegabytes = m.GrowthMegabytes,
                ratioToBaselineA = vsA, ratioToBaselineB = vsB, firstRunRatioToBaselineB = firstVsB, firstRunSeconds = m.FirstSeconds, cpuSeconds = m.CpuSeconds,
                note = m.Note, detail = m.Detail,
            });
        }

        Console.WriteLine();
        if (results.Any(m => m.Round > 1))
        {
            ReportRounds(results);
        }

        if (importSeconds is { } import)
        {
            Console.WriteLine(string.Format(culture, "Import-Module, cold (fresh pwsh with import minus without, median): {0:F0} ms", import * 1000));
        }

        Directory.CreateDirectory(outputDirectory);
        var path = Path.Combine(outputDirectory, $"bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { measuredUtc = DateTime.UtcNow, environment = Environment.OSVersion.ToString(), processors = Environment.ProcessorCount, importMilliseconds = importSeconds * 1000, results = rows }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine("Written to " + path);
    }
}
