using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;

namespace MdeSiem.Benchmarks;

/// <summary>
/// A C# reference measured in a new process, as every pwsh contender is: the harness starts itself again in one of its
/// child modes, the secret in the child's environment (never on a command line), and reads back the one JSON line the
/// child prints. The child's first run then pays what a bare C# program pays in a new process.
/// </summary>
internal static class FreshProcess
{
    /// <summary>Carries the secret to every process the harness starts (the pwsh scripts read it too).</summary>
    public const string SecretVariable = "MDESIEM_BENCH_SECRET";

    /// <summary>Runs the harness with <paramref name="arguments"/> (a child switch first) and reads its measurement.</summary>
    public static Measurement Run(string name, long size, IEnumerable<string> arguments, string secret)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(FreshProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment[SecretVariable] = secret;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the process of '{name}'.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The process of '{name}' failed ({process.ExitCode}): {error.Result}");
        }

        using var json = JsonDocument.Parse(output.Trim());
        var root = json.RootElement;
        return new Measurement(name, size, root.GetProperty("seconds").GetDouble(), root.GetProperty("records").GetInt64(), root.GetProperty("bytes").GetInt64(),
            root.GetProperty("peakMegabytes").GetDouble(), root.GetProperty("growthMegabytes").GetDouble())
        {
            FirstSeconds = root.GetProperty("firstSeconds").GetDouble(),
            CpuSeconds = root.GetProperty("cpuSeconds").GetDouble(),
        };
    }

    /// <summary>The child's side: its measurement as the one JSON line <see cref="Run"/> reads.</summary>
    public static void Print(Measurement measurement)
    {
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            seconds = measurement.Seconds,
            firstSeconds = measurement.FirstSeconds,
            cpuSeconds = measurement.CpuSeconds,
            records = measurement.Records,
            bytes = measurement.Bytes,
            peakMegabytes = measurement.PeakMegabytes,
            growthMegabytes = measurement.GrowthMegabytes,
        }));
    }

    /// <summary>The secret the parent put in the child's environment, or null.</summary>
    public static string? Secret => Environment.GetEnvironmentVariable(SecretVariable) is { Length: > 0 } secret ? secret : null;
}
