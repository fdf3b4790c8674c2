using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MdeSiem.Benchmarks;

/// <summary>The harness's command line.</summary>
internal sealed class BenchOptions
{
    public string[] Pwsh { get; private set; } = { "pwsh" };

    public string ModuleManifest { get; private set; } = string.Empty;

    public string SimulatorAssembly { get; private set; } = string.Empty;

    public IReadOnlyList<long> Sizes { get; private set; } = new long[] { 10_000, 100_000, 1_000_000 };

    /// <summary>Above this size the Invoke-RestMethod baselines are not run: they hold the whole body in memory.</summary>
    public long BaselineMaxSize { get; private set; } = 100_000;

    public int ImportRuns { get; private set; } = 7;

    /// <summary>
    /// Detections behind the Event Hubs workload: 172,000 make about 100,000 events of five records (10,000 made
    /// 5,815 events); 0 skips it.
    /// </summary>
    public long HubAlerts { get; private set; } = 172_000;

    public string OutputDirectory { get; private set; } = "out/bench";

    /// <summary>
    /// How many times each size (and the Event Hubs workload) is measured, the baseline and its contenders again in
    /// each round. The machine's speed drifts over a run of several minutes, and a contender measured long after its
    /// baseline pays for that drift; in rounds, each ratio is taken against the baseline of its own round and the
    /// report gives every round's ratio and their median.
    /// </summary>
    public int Rounds { get; private set; } = 1;

    /// <summary>
    /// Words of the workloads to run (any workload whose name contains one); empty runs them all. The scan and the
    /// hub's receive loop always run: every ratio is taken against them.
    /// </summary>
    public IReadOnlyList<string> Only { get; private set; } = Array.Empty<string>();

    /// <summary>Whether the workload named <paramref name="workload"/> is to run.</summary>
    public bool Runs(string workload) => Only.Count == 0 || Only.Any(word => workload.Contains(word, StringComparison.OrdinalIgnoreCase));

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--pwsh": options.Pwsh = Next().Split(';', StringSplitOptions.RemoveEmptyEntries); break;
                case "--module": options.ModuleManifest = Next(); break;
                case "--simulator": options.SimulatorAssembly = Next(); break;
                case "--sizes":
                    var sizes = Next();
                    options.Sizes = sizes == "none" ? Array.Empty<long>() : sizes.Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--hub-alerts": options.HubAlerts = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--baseline-max": options.BaselineMaxSize = long.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--import-runs": options.ImportRuns = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--out": options.OutputDirectory = Next(); break;
                case "--rounds":
                    options.Rounds = int.Parse(Next(), CultureInfo.InvariantCulture);
                    if (options.Rounds < 1)
                    {
                        throw new ArgumentException("--rounds must be at least 1.");
                    }

                    break;
                case "--only": options.Only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
                default: throw new ArgumentException($"Unknown argument {args[i]}.");
            }
        }

        if (options.ModuleManifest.Length == 0 || options.SimulatorAssembly.Length == 0)
        {
            throw new ArgumentException("--module and --simulator are required.");
        }

        return options;
    }
}
