using System;
using System.Diagnostics;
using System.IO;
using MdeSiem.Simulator;

namespace MdeSiem.Tests.Simulator;

/// <summary>Starts the simulator program from the test output folder, as Pester and the demo run it.</summary>
internal static class SimulatorProcess
{
    public static Process Start(params string[] arguments)
    {
        string dll = typeof(SimulatedTenant).Assembly.Location;

        // Under `dotnet test` the SDK names the host it runs on; elsewhere `dotnet` on PATH will do.
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the simulator.");
    }
}
