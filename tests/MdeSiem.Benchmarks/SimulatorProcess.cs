using System;
using System.Diagnostics;
using System.Text.Json;

namespace MdeSiem.Benchmarks;

/// <summary>The simulated tenant as its own process, so its work does not share a garbage collector with a contender.</summary>
internal sealed class SimulatorProcess : IDisposable
{
    private readonly Process _process;

    private SimulatorProcess(Process process, JsonElement facts)
    {
        _process = process;
        BaseUri = facts.GetProperty("baseUri").GetString()!;
        TenantId = facts.GetProperty("tenantId").GetString()!;
        ClientId = facts.GetProperty("clientId").GetString()!;
        ClientSecret = facts.GetProperty("clientSecret").GetString()!;
    }

    public string BaseUri { get; }

    public string TenantId { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>Starts the tenant; with <paramref name="eventHubFacts"/>, its event hub too (the facts file counts what it holds).</summary>
    public static SimulatorProcess Start(string simulatorAssembly, long alertCount, string? eventHubFacts = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { simulatorAssembly, "--port", "0", "--alerts", alertCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "--span-hours", "24", "--json", "--exit-on-stdin-close" })
        {
            start.ArgumentList.Add(argument);
        }

        if (eventHubFacts is not null)
        {
            start.ArgumentList.Add("--event-hub");
            start.ArgumentList.Add(eventHubFacts);
            start.ArgumentList.Add("--event-hub-summary");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the simulator.");
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The simulator printed nothing.");
        using var facts = JsonDocument.Parse(line);
        return new SimulatorProcess(process, facts.RootElement.Clone());
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000))
            {
                _process.Kill();
            }
        }

        _process.Dispose();
    }
}
