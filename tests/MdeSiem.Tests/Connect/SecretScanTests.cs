using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>
/// Runs every flow, successful and failing, with Verbose and Debug on, then scans everything a user could see:
/// output, every stream, error records with their exceptions, $Error, and Get-MdeSiemConnection rendered as list
/// and JSON. No secret, certificate password, IDENTITY_HEADER or token (any JWT, "eyJ...") may appear.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class SecretScanTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private const string Scan = @"
$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'
CONNECT -EndpointUri $uri -SkipCertificateCheck -Verbose -Debug
Get-MdeSiemAlert -Limit 5 -Verbose -Debug | Out-String
Get-MdeSiemConnection -All | Format-List * -Force | Out-String
Get-MdeSiemConnection -All | ConvertTo-Json -Depth 6
$Error | ForEach-Object { $_ | Format-List * -Force | Out-String; $_.Exception.ToString(); $_.ErrorDetails | Out-String }
";

    private const string PfxPassword = "Pfx-P@ssw0rd-3b1e";

    private readonly SimulatedTenant _tenant;
    private readonly HostedEngine _engine = new();
    private readonly string? _previousEndpoint = Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT");
    private readonly string? _previousHeader = Environment.GetEnvironmentVariable("IDENTITY_HEADER");

    public SecretScanTests(SimulatorFixture fixture)
    {
        _tenant = fixture.Tenant;
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _tenant.ManagedIdentityEndpoint.AbsoluteUri);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", _tenant.ManagedIdentityHeader);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", _previousEndpoint);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", _previousHeader);
        _engine.Dispose();
    }

    public static TheoryData<string> Flows => new()
    {
        "ClientSecret", "WrongSecret", "Credential", "CertificatePath", "WrongCertificatePassword", "AccessToken",
        "ExpiredAccessToken", "ManagedIdentity",
    };

    [Theory]
    [MemberData(nameof(Flows))]
    public void No_secret_or_token_appears_anywhere(string flow)
    {
        using var certificate = TestCertificates.Create();
        _tenant.RegisterCertificate(certificate);
        var pfxPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(pfxPath, certificate.Export(X509ContentType.Pfx, PfxPassword));
        var wrongSecret = "Wrong8Q~" + Guid.NewGuid().ToString("N");
        var readyToken = TokenRequests.ClientCredentialsToken(_tenant);
        try
        {
            var connect = flow switch
            {
                "ClientSecret" => "Connect-MdeSiem -TenantId $tenant -ClientId $client -ClientSecret $secret",
                "WrongSecret" => "Connect-MdeSiem -TenantId $tenant -ClientId $client -ClientSecret $wrong",
                "Credential" => "Connect-MdeSiem -TenantId $tenant -Credential ([pscredential]::new($client, $secret))",
                "CertificatePath" => "Connect-MdeSiem -TenantId $tenant -ClientId $client -CertificatePath $pfx -CertificatePassword $pfxPassword",
                "WrongCertificatePassword" => "Connect-MdeSiem -TenantId $tenant -ClientId $client -CertificatePath $pfx -CertificatePassword $wrong",
                "AccessToken" => "Connect-MdeSiem -AccessToken $token",
                "ExpiredAccessToken" => "Connect-MdeSiem -AccessToken $expired",
                _ => "Connect-MdeSiem -Identity",
            };

            var result = _engine.Run(
                Scan.Replace("CONNECT", connect, StringComparison.Ordinal),
                ("tenant", _tenant.TenantId),
                ("client", _tenant.ClientId),
                ("secret", HostedEngine.ToSecureString(_tenant.ClientSecret)),
                ("wrong", HostedEngine.ToSecureString(wrongSecret)),
                ("pfx", pfxPath),
                ("pfxPassword", HostedEngine.ToSecureString(PfxPassword)),
                ("token", HostedEngine.ToSecureString(readyToken)),
                ("expired", HostedEngine.ToSecureString("eyJhbGciOiJub25lIn0.eyJleHAiOjF9.c2ln")),
                ("uri", _tenant.BaseUri));

            var seen = Everything(result);
            Assert.True(seen.Length > 200, "the scan saw almost nothing: the script did not run");
            foreach (var secret in new[] { _tenant.ClientSecret, wrongSecret, PfxPassword, readyToken, _tenant.ManagedIdentityHeader, "eyJ" })
            {
                Assert.DoesNotContain(secret, seen, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(pfxPath);
        }
    }

    private static string Everything(EngineResult result)
    {
        var text = new StringBuilder();
        foreach (var item in result.Output)
        {
            text.AppendLine(item?.ToString());
        }

        foreach (var error in result.Errors)
        {
            text.AppendLine(error.ToString()).AppendLine(error.Exception.ToString()).AppendLine(error.ErrorDetails?.Message)
                .AppendLine(error.ErrorDetails?.RecommendedAction).AppendLine(error.TargetObject?.ToString());
        }

        IEnumerable<string> streams = result.Streams.Verbose.Select(v => v.Message)
            .Concat(result.Streams.Debug.Select(d => d.Message))
            .Concat(result.Streams.Warning.Select(w => w.Message))
            .Concat(result.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty));
        foreach (var line in streams)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}
