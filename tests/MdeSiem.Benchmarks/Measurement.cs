using System.Text.Json;

namespace MdeSiem.Benchmarks;

/// <summary>One workload at one size: how long it took, what it read, and how much memory its process grew.</summary>
internal sealed record Measurement(
    string Workload,
    long Size,
    double Seconds,
    long Records,
    long Bytes,
    double PeakMegabytes,
    double GrowthMegabytes,
    string? Note = null)
{
    /// <summary>False for workloads that do not read the API (a conversion): a ratio to a pull would mean nothing.</summary>
    public bool HasRatios { get; init; } = true;

    /// <summary>The first of the measured runs (the table shows the fastest); null where only one run is made.</summary>
    public double? FirstSeconds { get; init; }

    /// <summary>CPU time of the measuring process during the fastest run: on a shared machine, wall time alone misleads.</summary>
    public double? CpuSeconds { get; init; }

    /// <summary>Which round of the run measured it (see BenchOptions.Rounds); ratios are taken within a round.</summary>
    public int Round { get; init; } = 1;

    /// <summary>Printed after the row, e.g. how many alerts the records merged into.</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// A pwsh contender's row from what Measure-Runs.ps1 reports: its fastest and first run, that run's CPU time, and
    /// the working set's peak before and after the first run.
    /// </summary>
    public static Measurement FromRuns(JsonElement runs, string workload, long size, long records, long bytes)
    {
        var peakBefore = runs.GetProperty("peakBefore").GetInt64();
        var peakAfter = runs.GetProperty("peakAfter").GetInt64();
        return new Measurement(workload, size, runs.GetProperty("seconds").GetDouble(), records, bytes, peakAfter / 1048576.0, (peakAfter - peakBefore) / 1048576.0)
        {
            FirstSeconds = runs.GetProperty("firstSeconds").GetDouble(),
            CpuSeconds = runs.GetProperty("cpuSeconds").GetDouble(),
        };
    }

    public double RecordsPerSecond => Seconds > 0 ? Records / Seconds : 0;

    public double MegabytesPerSecond => Seconds > 0 ? Bytes / 1048576.0 / Seconds : 0;
}
