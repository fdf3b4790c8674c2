using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Azure.Messaging.EventHubs;
using Azure.Messaging.EventHubs.Consumer;

namespace MdeSiem.Benchmarks;

/// <summary>
/// Workload 5: the Streaming API's Event Hubs destination. The simulated hub holds the tenant's AlertInfo and
/// AlertEvidence records, five to an event. Get-DefenderStreamEvent reads every partition into Out-Null in a fresh
/// pwsh (a last, untimed run counts with Measure-Object, so the delivered records are checked); the baseline is a C#
/// loop in a fresh process that only receives the same events with EventHubConsumerClient (no body parsed), every
/// partition at once.
/// Both run three times in their process, the fastest reported, the first beside it; the rate is events per second.
/// </summary>
internal static class EventHubWorkload
{
    public const string Module = "Get-DefenderStreamEvent (hub) | Out-Null (5)";
    public const string Receive = "C# EventHubConsumerClient receive (5)";
    public const string ModuleWithoutPgo = "Get-DefenderStreamEvent (hub), PGO off (5)";

    /// <summary>Names the receive loop's child process mode on the harness's command line.</summary>
    public const string ChildSwitch = "--receive-child";

    // Three runs each, the fastest reported: a run takes about two seconds on two cores shared with the simulated hub,
    // and the best of two still moved the ratio by a tenth from one bench to the next.
    private const int Runs = 3;

    public static IEnumerable<Measurement> Measure(PwshRunner pwsh, string scripts, string simulatorAssembly, string moduleManifest, long alertCount, int rounds)
    {
        var factsPath = Path.Combine(Path.GetTempPath(), $"mdesiem-bench-hub-{Guid.NewGuid():N}.json");
        Console.Error.WriteLine($"Event hub of {alertCount:N0} detections: starting the simulated tenant...");
        using var simulator = SimulatorProcess.Start(simulatorAssembly, alertCount, factsPath);
        try
        {
            using var facts = JsonDocument.Parse(File.ReadAllText(factsPath));
            var connectionString = facts.RootElement.GetProperty("connectionString").GetString()!;
            var events = facts.RootElement.GetProperty("eventCount").GetInt64();
            var records = facts.RootElement.GetProperty("recordCount").GetInt64();
            var detail = $"{events:N0} events holding {records:N0} records; rates are events/s";

            var results = new List<Measurement>();
            for (var round = 1; round <= rounds; round++)
            {
                Console.Error.WriteLine("  " + Receive + (rounds > 1 ? $", round {round} of {rounds}" : string.Empty));
                // In its own process, as the cmdlet runs in its own pwsh (and as the scan runs): the harness's process has
                // measured every other workload by then.
                var receive = FreshProcess.Run(Receive, events, new[] { ChildSwitch, events.ToString(System.Globalization.CultureInfo.InvariantCulture) }, connectionString) with { Detail = detail, Round = round };
                results.Add(receive);
                foreach (var (name, environment) in new[] { (Module, (IReadOnlyDictionary<string, string>?)null), (ModuleWithoutPgo, ScheduledRun.Environment) })
                {
                    results.Add(MeasureModule(pwsh, scripts, moduleManifest, connectionString, name, environment, receive, events, records) with { Round = round });
                }
            }

            return results;
        }
        finally
        {
            File.Delete(factsPath);
        }
    }

    private static Measurement MeasureModule(PwshRunner pwsh, string scripts, string moduleManifest, string connectionString, string name, IReadOnlyDictionary<string, string>? environment, Measurement receive, long events, long records)
    {
        Console.Error.WriteLine("  " + name);
        var (result, failure) = pwsh.RunScript(
            Path.Combine(scripts, "Measure-HubPull.ps1"),
            new Dictionary<string, string> { ["ModuleManifest"] = moduleManifest, ["Runs"] = Runs.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            connectionString,
            TimeSpan.FromMinutes(30),
            environment);
        if (result is not { } json)
        {
            return new Measurement(name, events, 0, 0, 0, 0, 0, "failed: " + failure);
        }

        var delivered = json.GetProperty("records").GetInt64();
        var module = Measurement.FromRuns(json, name, events, events, 0);
        var slower = receive.RecordsPerSecond / module.RecordsPerSecond;
        var detail = delivered == records ? $"{slower:F1}x slower than the receive loop; every record delivered" : $"delivered {delivered:N0} of {records:N0} records";
        return module with { Detail = environment is null ? detail : detail + "; " + ScheduledRun.Detail };
    }

    /// <summary>The child process: runs the receive loop and prints its measurement as one JSON line.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        if (args.Length != 2 || FreshProcess.Secret is not { } connectionString)
        {
            Console.Error.WriteLine($"{ChildSwitch} <events>, with the hub's connection string in {FreshProcess.SecretVariable}.");
            return 2;
        }

        FreshProcess.Print(await ReceiveAsync(connectionString, long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
        return 0;
    }

    private static async Task<Measurement> ReceiveAsync(string connectionString, long expectedEvents, int runs = Runs)
    {
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        double? first = null;
        (double Seconds, double Cpu)? best = null;
        long received = 0;
        for (var run = 0; run < runs; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            await using var client = new EventHubConsumerClient(EventHubConsumerClient.DefaultConsumerGroupName, connectionString);
            var partitions = await client.GetPartitionIdsAsync();
            var counts = await Task.WhenAll(partitions.Select(partition => ReceivePartitionAsync(client, partition)));
            stopwatch.Stop();
            received = counts.Sum();
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            first ??= stopwatch.Elapsed.TotalSeconds;
            if (best is null || stopwatch.Elapsed.TotalSeconds < best.Value.Seconds)
            {
                best = (stopwatch.Elapsed.TotalSeconds, used);
            }
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        return new Measurement(Receive, expectedEvents, best!.Value.Seconds, received, 0, peak / 1048576.0, (peak - peakBefore) / 1048576.0)
        {
            FirstSeconds = first,
            CpuSeconds = best.Value.Cpu,
        };
    }

    /// <summary>Receives a partition from its start to the last event enqueued now.</summary>
    private static async Task<long> ReceivePartitionAsync(EventHubConsumerClient client, string partition)
    {
        var properties = await client.GetPartitionPropertiesAsync(partition);
        if (properties.IsEmpty)
        {
            return 0;
        }

        long count = 0;
        var options = new ReadEventOptions { MaximumWaitTime = TimeSpan.FromSeconds(5), PrefetchCount = 300 };
        await foreach (var received in client.ReadEventsFromPartitionAsync(partition, EventPosition.Earliest, options))
        {
            if (received.Data is not { } data)
            {
                break; // the wait ran out: nothing more is coming
            }

            count++;
            if (data.SequenceNumber >= properties.LastEnqueuedSequenceNumber)
            {
                break;
            }
        }

        return count;
    }
}
