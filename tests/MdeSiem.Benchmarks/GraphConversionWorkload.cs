using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace MdeSiem.Benchmarks;

/// <summary>
/// Workload 4: ConvertTo-GraphAlert on N records in a real pwsh, timed three ways in one process so that the
/// conversion's own rate is clear: the pull alone, the pull piped into the conversion, and the conversion of an
/// array pulled beforehand (the rate the target is about). Rates are input records per second.
/// </summary>
internal static class GraphConversionWorkload
{
    public const string PrePulled = "$records | ConvertTo-GraphAlert (4)";
    public const string Streamed = "Get-MdeSiemAlert | ConvertTo-GraphAlert (4)";
    public const string PullOnly = "  same process, Get-MdeSiemAlert only (4)";

    public static IEnumerable<Measurement> Measure(PwshRunner pwsh, string scripts, IReadOnlyDictionary<string, string> parameters, string secret, long size, Measurement scan)
    {
        Console.Error.WriteLine("  ConvertTo-GraphAlert (4)");
        var (result, failure) = pwsh.RunScript(Path.Combine(scripts, "Measure-GraphConversion.ps1"), parameters, secret, TimeSpan.FromMinutes(30));
        if (result is not { } json)
        {
            return new[] { new Measurement(PrePulled, size, 0, 0, 0, 0, 0, "failed: " + failure) };
        }

        var records = json.GetProperty("records").GetInt64();
        var alerts = json.GetProperty("alerts").GetInt64();
        var peakBefore = json.GetProperty("peakBefore").GetInt64() / 1048576.0;
        var peakPull = json.GetProperty("peakPull").GetInt64() / 1048576.0;
        var peakStreamed = json.GetProperty("peakStreamed").GetInt64() / 1048576.0;
        var peakPrePulled = json.GetProperty("peakPrePulled").GetInt64() / 1048576.0;
        var peakAfterArray = json.GetProperty("peakAfterArray").GetInt64() / 1048576.0;
        var merged = string.Format(CultureInfo.InvariantCulture, "{0:N0} records -> {1:N0} alerts", records, alerts);
        return new[]
        {
            // Growth of the pre-pulled conversion is measured from when the array was already held.
            new Measurement(PrePulled, size, json.GetProperty("seconds").GetDouble(), records, 0, peakPrePulled, peakPrePulled - peakAfterArray)
            {
                HasRatios = false,
                CpuSeconds = json.GetProperty("cpuSeconds").GetDouble(),
                Detail = merged + "; conversion alone",
            },
            new Measurement(Streamed, size, json.GetProperty("streamedSeconds").GetDouble(), records, scan.Bytes, peakStreamed, peakStreamed - peakBefore)
            {
                CpuSeconds = json.GetProperty("streamedCpuSeconds").GetDouble(),
                Detail = "pull and conversion on two threads",
            },
            new Measurement(PullOnly, size, json.GetProperty("pullSeconds").GetDouble(), records, scan.Bytes, peakPull, peakPull - peakBefore)
            {
                CpuSeconds = json.GetProperty("pullCpuSeconds").GetDouble(),
                Detail = "for reference",
            },
        };
    }
}
