using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace MdeSiem.Tests.StreamingApi;

/// <summary>
/// Azurite's blob service (the Azure Storage emulator, npm package azurite, installed into out/tools/azurite by
/// build.ps1 -Task Test) on a free loopback port, in memory, for one test. Disposing stops the process.
/// </summary>
internal sealed class AzuriteServer : IAsyncDisposable
{
    // Azurite's documented development account and key: public values, not secrets of anyone.
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Regex ListeningLine = new(@"listens on (?<uri>http://127\.0\.0\.1:\d+)", RegexOptions.CultureInvariant);

    private readonly Process _process;

    private AzuriteServer(Process process, Uri endpoint)
    {
        _process = process;
        BlobEndpoint = new Uri(endpoint, AccountName);
    }

    /// <summary>http://127.0.0.1:port/devstoreaccount1</summary>
    public Uri BlobEndpoint { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    public BlobServiceClient Client() => new(ConnectionString);

    /// <summary>An account SAS with read and list permissions, valid for an hour.</summary>
    public Uri AccountSas() => Client().GenerateAccountSasUri(
        AccountSasPermissions.Read | AccountSasPermissions.List,
        DateTimeOffset.UtcNow.AddHours(1),
        AccountSasResourceTypes.All);

    public static async Task<AzuriteServer> StartAsync()
    {
        var main = Path.Combine(RepositoryRoot(), "out", "tools", "azurite", "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException($"Azurite is not installed at {main}: run 'dotnet pwsh ./build.ps1 -Task Test' once (it installs it from npm).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            main, "--blobHost", "127.0.0.1", "--blobPort", "0", "--inMemoryPersistence", "--extentMemoryLimit", "256",
            "--skipApiVersionCheck", "--loose", "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException("Azurite exited before listening: " + await process.StandardError.ReadToEndAsync(timeout.Token));
                var match = ListeningLine.Match(line);
                if (match.Success)
                {
                    // Keep draining its output so it never blocks on a full pipe.
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
                    _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
                    return new AzuriteServer(process, new Uri(match.Groups["uri"].Value + "/"));
                }
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MdeSiem.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("MdeSiem.sln not found above " + AppContext.BaseDirectory);
    }
}
