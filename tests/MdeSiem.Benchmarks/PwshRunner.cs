using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;

namespace MdeSiem.Benchmarks;

/// <summary>Runs a measuring script in a fresh pwsh process and reads the JSON line it prints last.</summary>
internal sealed class PwshRunner
{
    private readonly string[] _command;

    /// <param name="command">The pwsh executable, or "dotnet" followed by the path of pwsh.dll.</param>
    public PwshRunner(string[] command)
    {
        _command = command;
    }

    /// <param name="environment">Extra environment variables of the pwsh process (a recipe's runtime settings).</param>
    public (JsonElement? Result, string? Failure) RunScript(string script, IReadOnlyDictionary<string, string> parameters, string secret, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var arguments = new List<string> { "-NoProfile", "-NonInteractive", "-File", script };
        foreach (var (name, value) in parameters)
        {
            arguments.Add("-" + name);
            arguments.Add(value);
        }

        var variables = (environment ?? new Dictionary<string, string>()).Select(entry => (entry.Key, entry.Value))
            .Append((FreshProcess.SecretVariable, secret)).ToArray();
        var (exitCode, output, error) = Run(arguments, timeout, variables);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
        if (exitCode != 0 || last is null || !last.StartsWith('{'))
        {
            var reason = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(l => l.Length > 0) ?? $"exit code {exitCode}";
            return (null, reason.Length > 120 ? reason[..120] : reason);
        }

        using var document = JsonDocument.Parse(last);
        return (document.RootElement.Clone(), null);
    }

    /// <summary>Wall time of a whole pwsh process running one command: used for the cold import measurement.</summary>
    public double TimeCommand(string command)
    {
        var stopwatch = Stopwatch.StartNew();
        var (exitCode, _, error) = Run(new List<string> { "-NoProfile", "-NonInteractive", "-Command", command }, TimeSpan.FromMinutes(2));
        stopwatch.Stop();
        if (exitCode != 0)
        {
            throw new InvalidOperationException("pwsh failed: " + error);
        }

        return stopwatch.Elapsed.TotalSeconds;
    }

    private (int ExitCode, string Output, string Error) Run(List<string> arguments, TimeSpan timeout, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(_command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var part in _command.Skip(1).Concat(arguments))
        {
            start.ArgumentList.Add(part);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start pwsh.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, string.Empty, $"timed out after {timeout}");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
