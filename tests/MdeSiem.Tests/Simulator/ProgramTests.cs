using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class ProgramTests
{
    // A guard against a hung child process failing the run forever; no assertion depends on it.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Json_mode_prints_one_line_of_connection_details_and_stops_when_stdin_closes()
    {
        using Process simulator = SimulatorProcess.Start("--port", "0", "--alerts", "50", "--seed", "4", "--json", "--exit-on-stdin-close");
        using var patience = new CancellationTokenSource(Patience);

        string? line = await simulator.StandardOutput.ReadLineAsync(patience.Token);
        using JsonDocument details = JsonDocument.Parse(line!);
        JsonElement root = details.RootElement;
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });
        var baseUri = new Uri(root.GetProperty("baseUri").GetString()!);
        using HttpResponseMessage token = await http.PostAsync(
            new Uri(baseUri, root.GetProperty("tenantId").GetString() + "/oauth2/token"),
            new FormUrlEncodedContent(new System.Collections.Generic.Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = root.GetProperty("clientId").GetString()!,
                ["client_secret"] = root.GetProperty("clientSecret").GetString()!,
                ["resource"] = "https://graph.windows.net",
            }),
            patience.Token);
        simulator.StandardInput.Close();
        await simulator.WaitForExitAsync(patience.Token);
        string rest = await simulator.StandardOutput.ReadToEndAsync(patience.Token);

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(IPAddress.Loopback.ToString(), baseUri.Host);
        Assert.Equal(50, root.GetProperty("alertCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("alertsFile").ValueKind);
        foreach (string key in new[] { "unmanagedTenantId", "unmanagedClientId", "unmanagedClientSecret" })
        {
            Assert.False(string.IsNullOrEmpty(root.GetProperty(key).GetString()));
        }

        Assert.Equal(0, simulator.ExitCode);
        Assert.Equal("", rest);
    }

    [Fact]
    public async Task Write_alerts_writes_the_whole_set_and_reports_its_full_path()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mdesiem-program-{Guid.NewGuid():N}.json");
        try
        {
            using Process simulator = SimulatorProcess.Start("--alerts", "120", "--span-hours", "1.5", "--write-alerts", path, "--json", "--exit-on-stdin-close");
            using var patience = new CancellationTokenSource(Patience);

            string? line = await simulator.StandardOutput.ReadLineAsync(patience.Token);
            simulator.StandardInput.Close();
            await simulator.WaitForExitAsync(patience.Token);

            using JsonDocument details = JsonDocument.Parse(line!);
            Assert.Equal(path, details.RootElement.GetProperty("alertsFile").GetString());
            using JsonDocument file = JsonDocument.Parse(await System.IO.File.ReadAllBytesAsync(path, patience.Token));
            Assert.Equal(120, file.RootElement.GetArrayLength());
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--alerts", "many")]
    [InlineData("--port", "70000")]
    [InlineData("--span-hours", "0")]
    [InlineData("--seed")]
    public async Task Bad_arguments_print_one_error_line_and_exit_with_2(params string[] arguments)
    {
        using Process simulator = SimulatorProcess.Start(arguments);
        using var patience = new CancellationTokenSource(Patience);

        string errors = await simulator.StandardError.ReadToEndAsync(patience.Token);
        string output = await simulator.StandardOutput.ReadToEndAsync(patience.Token);
        await simulator.WaitForExitAsync(patience.Token);

        Assert.Equal(2, simulator.ExitCode);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Help_prints_usage_and_exits_with_0()
    {
        using Process simulator = SimulatorProcess.Start("--help");
        using var patience = new CancellationTokenSource(Patience);

        string output = await simulator.StandardOutput.ReadToEndAsync(patience.Token);
        await simulator.WaitForExitAsync(patience.Token);

        Assert.Equal(0, simulator.ExitCode);
        Assert.Contains("--write-alerts", output, StringComparison.Ordinal);
        Assert.Contains("--exit-on-stdin-close", output, StringComparison.Ordinal);
    }
}
