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

    private static readonly Regex ListeningLine = new(@"listens on (?<uri>https?://127\.0\.0\.1:\d+)", RegexOptions.CultureInvariant);

    private readonly Process _process;
    private readonly string? _certificateFolder;

    private AzuriteServer(Process process, Uri endpoint, string? certificateFolder)
    {
        _process = process;
        _certificateFolder = certificateFolder;
        BlobEndpoint = new Uri(endpoint, AccountName);
    }

    /// <summary>http://127.0.0.1:port/devstoreaccount1</summary>
    public Uri BlobEndpoint { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    public BlobServiceClient Client()
    {
        if (_certificateFolder is null)
        {
            return new BlobServiceClient(ConnectionString);
        }

        // The test's own writer trusts the certificate it just made; the module's reader relies on the connection's
        // -SkipCertificateCheck (loopback only) instead.
        var handler = new System.Net.Http.HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        return new BlobServiceClient(ConnectionString, new BlobClientOptions { Transport = new Azure.Core.Pipeline.HttpClientTransport(handler) });
    }

    /// <summary>An account SAS with read and list permissions, valid for an hour.</summary>
    public Uri AccountSas() => Client().GenerateAccountSasUri(
        AccountSasPermissions.Read | AccountSasPermissions.List,
        DateTimeOffset.UtcNow.AddHours(1),
        AccountSasResourceTypes.All);

    /// <param name="httpsWithOAuth">
    /// Serve HTTPS with a self-signed loopback certificate and accept bearer tokens (Azurite's basic OAuth: audience
    /// https://storage.azure.com, an Entra issuer, not expired; the signature is not checked).
    /// </param>
    public static async Task<AzuriteServer> StartAsync(bool httpsWithOAuth = false)
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

        string? certificateFolder = null;
        if (httpsWithOAuth)
        {
            certificateFolder = Path.Combine(Path.GetTempPath(), "mdesiem-azurite-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(certificateFolder);
            var (certificate, key) = WriteLoopbackCertificate(certificateFolder);
            foreach (var argument in new[] { "--cert", certificate, "--key", key, "--oauth", "basic" })
            {
                start.ArgumentList.Add(argument);
            }
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
                    return new AzuriteServer(process, new Uri(match.Groups["uri"].Value + "/"), certificateFolder);
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
        if (_certificateFolder is not null)
        {
            Directory.Delete(_certificateFolder, recursive: true);
        }
    }

    private static (string Certificate, string Key) WriteLoopbackCertificate(string folder)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=127.0.0.1", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(folder, "cert.pem");
        var keyPath = Path.Combine(folder, "key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
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
