using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MdeSiem.Core.Auth;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>
/// -CertificatePath with PEM files in every key form an admin meets (PKCS#8, PKCS#1 RSA, encrypted PKCS#8 with
/// -CertificatePassword), each signing a client assertion the simulator validates against the registered
/// certificate, then a pull; and each unusable PEM failing with its error id before anything is sent.
/// </summary>
public sealed class PemCertificateTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private const string KeyPassword = "Pem-K3y-P@ss";

    private readonly SimulatedTenant _tenant;
    private readonly HostedEngine _engine = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("mdesiem-pem-").FullName;

    public PemCertificateTests(SimulatorFixture fixture)
    {
        _tenant = fixture.Tenant;
    }

    public void Dispose()
    {
        _engine.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("pkcs8")]
    [InlineData("rsa")]
    [InlineData("encrypted")]
    public void Pem_with_its_key_signs_in_and_pulls(string keyForm)
    {
        using var certificate = TestCertificates.Create();
        _tenant.RegisterCertificate(certificate);
        var path = WritePem(certificate, keyForm);

        var result = Connect(path, keyForm == "encrypted" ? KeyPassword : null);

        Assert.Empty(result.Errors);
        Assert.Equal(AuthenticationFlow.Certificate, Assert.Single(result.OutputOf<MdeSiemConnection>()).AuthenticationMethod);
        ConnectedEngine.AssertPullsFive(_engine, _tenant);
    }

    [Fact]
    public void Pem_of_a_certificate_the_app_does_not_have_is_refused_by_the_service()
    {
        using var unregistered = TestCertificates.Create("CN=Not registered");
        var result = Connect(WritePem(unregistered, "pkcs8"), null);

        ConnectedEngine.AssertFails(result, "MdeSiem.AuthenticationFailed", ErrorCategory.AuthenticationError);
    }

    [Theory]
    [InlineData("certificate-only", null)]
    [InlineData("garbage", null)]
    [InlineData("encrypted", null)]
    [InlineData("encrypted", "Wrong-password")]
    [InlineData("legacy-encrypted", KeyPassword)]
    public void Unusable_pem_fails_with_CertificateUnusable_and_sends_nothing(string content, string? password)
    {
        using var certificate = TestCertificates.Create();
        var path = WritePem(certificate, content);
        _tenant.ClearRequests();

        var result = Connect(path, password);

        var error = ConnectedEngine.AssertFails(result, "MdeSiem.CertificateUnusable", ErrorCategory.InvalidData);
        Assert.Equal(path, error.TargetObject);
        Assert.DoesNotContain(_tenant.Requests, request => request.Path.Contains("/oauth2/", StringComparison.Ordinal));
        if (password is not null)
        {
            Assert.DoesNotContain(password, error.ToString() + error.Exception + error.ErrorDetails?.RecommendedAction, StringComparison.Ordinal);
        }
    }

    private EngineResult Connect(string path, string? password) =>
        _engine.Run(
            "Connect-MdeSiem -TenantId $tenant -ClientId $client -CertificatePath $path -EndpointUri $uri -SkipCertificateCheck -PassThru"
                + (password is null ? string.Empty : " -CertificatePassword $password"),
            ("tenant", _tenant.TenantId),
            ("client", _tenant.ClientId),
            ("path", path),
            ("password", password is null ? null : HostedEngine.ToSecureString(password)),
            ("uri", _tenant.BaseUri));

    // PEM files as openssl and .NET write them, made from the certificate's own key.
    private string WritePem(X509Certificate2 certificate, string form)
    {
        using var key = certificate.GetRSAPrivateKey()!;
        var certificatePem = certificate.ExportCertificatePem() + "\n";
        var encryption = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000);
        var text = form switch
        {
            "pkcs8" => certificatePem + key.ExportPkcs8PrivateKeyPem(),
            "rsa" => certificatePem + key.ExportRSAPrivateKeyPem(),
            "encrypted" => certificatePem + key.ExportEncryptedPkcs8PrivateKeyPem(KeyPassword, encryption),
            "certificate-only" => certificatePem,
            "legacy-encrypted" => certificatePem + LegacyEncrypted(key.ExportRSAPrivateKeyPem()),
            _ => "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
        };
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(path, text);
        return path;
    }

    // OpenSSL's traditional encrypted PKCS#1 shape (the headers are what matters; the body need not decrypt).
    private static string LegacyEncrypted(string rsaPem) =>
        rsaPem.Replace("-----BEGIN RSA PRIVATE KEY-----\n", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\n", StringComparison.Ordinal);
}
