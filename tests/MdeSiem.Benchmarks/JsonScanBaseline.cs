using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
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
    /// <summary>
    /// The protocol every contender follows: a one-record warm-up request on the connection, then the full pull
    /// <paramref name="runs"/> times; the fastest is reported, with the first beside it.
    /// </summary>
    public static async Task<Measurement> RunAsync(SimulatorProcess simulator, long size, int runs = 2)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromHours(1) };
        var token = await GetTokenAsync(http, simulator);
        var since = DateTime.UtcNow.AddHours(-25).ToString("o", System.Globalization.CultureInfo.InvariantCulture);
        var uri = new Uri(new Uri(simulator.BaseUri), "api/alerts?sinceTimeUtc=" + Uri.EscapeDataString(since));
        await PullAsync(http, new Uri(new Uri(simulator.BaseUri), "api/alerts?limit=1"), token);

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
        return new Measurement("C# Utf8JsonReader scan (B)", size, best!.Value.Seconds, best.Value.Records, best.Value.Bytes,
            process.PeakWorkingSet64 / 1048576.0, (process.PeakWorkingSet64 - peakBefore) / 1048576.0)
        {
            FirstSeconds = first,
            CpuSeconds = best.Value.Cpu,
        };
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

    private static async Task<string> GetTokenAsync(HttpClient http, SimulatorProcess simulator)
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = simulator.ClientId,
            ["client_secret"] = simulator.ClientSecret,
            ["resource"] = "https://graph.windows.net",
        });
        using var response = await http.PostAsync(new Uri(new Uri(simulator.BaseUri), simulator.TenantId + "/oauth2/token"), form);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("access_token").GetString()!;
    }
}
