using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;

namespace MdeSiem.Benchmarks;

/// <summary>
/// The physical limit: the same request on the same socket, the body only scanned with Utf8JsonReader (records
/// counted, nothing materialised). No client can be faster than this and still read every byte.
/// </summary>
internal static class JsonScanBaseline
{
    /// <summary>The workload's name in the table.</summary>
    public const string Name = "C# Utf8JsonReader scan (B)";

    /// <summary>Names the child process's mode on the harness's command line.</summary>
    public const string ChildSwitch = "--scan-child";

    /// <summary>
    /// The scan in a fresh process, as every pwsh contender runs in one: its first run then pays what a bare C#
    /// program pays in a new process (its JIT, TLS, the HTTP stack), and that is the fair reference for a scheduled
    /// script's first run. The secret goes by environment, never on a command line.
    /// </summary>
    public static Measurement RunInFreshProcess(SimulatorProcess simulator, long size) =>
        FreshProcess.Run(Name, size, new[] { ChildSwitch, simulator.BaseUri, simulator.TenantId, simulator.ClientId, size.ToString(CultureInfo.InvariantCulture) }, simulator.ClientSecret);

    /// <summary>The child process: runs the scan and prints its measurement as one JSON line.</summary>
    public static async Task<int> RunChildAsync(string[] args)
    {
        if (args.Length != 5 || FreshProcess.Secret is not { } secret)
        {
            Console.Error.WriteLine($"{ChildSwitch} <baseUri> <tenantId> <clientId> <size>, with {FreshProcess.SecretVariable} set.");
            return 2;
        }

        FreshProcess.Print(await RunAsync(args[1], args[2], args[3], secret, long.Parse(args[4], CultureInfo.InvariantCulture)));
        return 0;
    }

    /// <summary>
    /// One untimed full pull, so that no contender's first run pays for the simulated tenant's own first serve of
    /// this many records (its code is cold in a newly started process: a first scan took 2.4 s where later ones took
    /// 0.8 to 1.0 s).
    /// </summary>
    public static async Task WarmSimulatorAsync(SimulatorProcess simulator)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromHours(1) };
        var token = await GetTokenAsync(http, simulator.BaseUri, simulator.TenantId, simulator.ClientId, simulator.ClientSecret);
        await PullAsync(http, FullPullUri(simulator.BaseUri), token);
    }

    /// <summary>
    /// The protocol every contender follows: a one-record warm-up request on the connection, then the full pull
    /// <paramref name="runs"/> times; the fastest is reported, with the first beside it.
    /// </summary>
    private static async Task<Measurement> RunAsync(string baseUri, string tenantId, string clientId, string secret, long size, int runs = 2)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromHours(1) };
        var token = await GetTokenAsync(http, baseUri, tenantId, clientId, secret);
        var uri = FullPullUri(baseUri);
        await PullAsync(http, new Uri(new Uri(baseUri), "api/alerts?limit=1"), token);

        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        (double Seconds, double Cpu, long Records, long Bytes)? best = null;
        double? first = null;
        for (var run = 0; run < runs; run++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var (records, bytes) = await PullAsync(http, uri, token);
            stopwatch.Stop();
            var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            first ??= stopwatch.Elapsed.TotalSeconds;
            if (best is null || stopwatch.Elapsed.TotalSeconds < best.Value.Seconds)
            {
                best = (stopwatch.Elapsed.TotalSeconds, used, records, bytes);
            }
        }

        var process = Process.GetCurrentProcess();
        return new Measurement(Name, size, best!.Value.Seconds, best.Value.Records, best.Value.Bytes,
            process.PeakWorkingSet64 / 1048576.0, (process.PeakWorkingSet64 - peakBefore) / 1048576.0)
        {
            FirstSeconds = first,
            CpuSeconds = best.Value.Cpu,
        };
    }

    private static Uri FullPullUri(string baseUri)
    {
        var since = DateTime.UtcNow.AddHours(-25).ToString("o", CultureInfo.InvariantCulture);
        return new Uri(new Uri(baseUri), "api/alerts?sinceTimeUtc=" + Uri.EscapeDataString(since));
    }

    /// <summary>One request, from sending it to the last byte scanned.</summary>
    private static async Task<(long Records, long Bytes)> PullAsync(HttpClient http, Uri uri, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();

        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var state = default(JsonReaderState);
        long records = 0;
        long bytes = 0;
        var leftover = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(leftover));
            bytes += read;
            var available = leftover + read;
            var (consumed, count) = Scan(buffer.AsSpan(0, available), read == 0, ref state);
            records += count;
            leftover = available - consumed;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, leftover);
            if (read == 0)
            {
                break;
            }
        }

        ArrayPool<byte>.Shared.Return(buffer);
        return (records, bytes);
    }

    private static (int Consumed, long Records) Scan(ReadOnlySpan<byte> data, bool isFinalBlock, ref JsonReaderState state)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock, state);
        long records = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 1)
            {
                records++;
            }
        }

        state = reader.CurrentState;
        return ((int)reader.BytesConsumed, records);
    }

    private static async Task<string> GetTokenAsync(HttpClient http, string baseUri, string tenantId, string clientId, string secret)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["resource"] = "https://graph.windows.net",
        });
        using var response = await http.PostAsync(new Uri(new Uri(baseUri), tenantId + "/oauth2/token"), form);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("access_token").GetString()!;
    }
}
