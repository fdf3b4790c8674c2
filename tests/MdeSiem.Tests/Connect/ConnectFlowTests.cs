using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using MdeSiem.Core.Auth;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>
/// Connect-MdeSiem with each app-only parameter set against the simulated tenant, each followed by a real pull.
/// Every sign-in goes over HTTP to the simulator's Entra endpoints through MSAL.
/// </summary>
public sealed class ConnectFlowTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private const string Common = " -EndpointUri $uri -SkipCertificateCheck";

    private readonly SimulatedTenant _tenant;
    private readonly HostedEngine _engine = new();

    public ConnectFlowTests(SimulatorFixture fixture)
    {
        _tenant = fixture.Tenant;
    }

    public void Dispose() => _engine.Dispose();

    private EngineResult Connect(string parameters, params (string Name, object? Value)[] variables) =>
        _engine.Run(
            "Connect-MdeSiem " + parameters + Common,
            variables.Concat(new (string, object?)[] { ("uri", _tenant.BaseUri), ("tenant", _tenant.TenantId), ("client", _tenant.ClientId) }).ToArray());

    [Fact]
    public void Client_secret_connects_and_pulls()
    {
        var result = Connect("-TenantId $tenant -ClientId $client -ClientSecret $secret", ("secret", HostedEngine.ToSecureString(_tenant.ClientSecret)));
        Assert.Empty(result.Errors);
        ConnectedEngine.AssertPullsFive(_engine, _tenant);
    }

    [Fact]
    public void Credential_connects_and_pulls()
    {
        var credential = new PSCredential(_tenant.ClientId, HostedEngine.ToSecureString(_tenant.ClientSecret));
        var result = Connect("-TenantId $tenant -Credential $credential", ("credential", credential));
        Assert.Empty(result.Errors);
        ConnectedEngine.AssertPullsFive(_engine, _tenant);
    }

    [Fact]
    public void Certificate_object_connects_and_pulls_and_shows_the_flow()
    {
        using var certificate = TestCertificates.Create();
        _tenant.RegisterCertificate(certificate);

        var result = Connect("-TenantId $tenant -ClientId $client -Certificate $cert -PassThru", ("cert", certificate));

        Assert.Empty(result.Errors);
        var connection = Assert.Single(result.OutputOf<MdeSiemConnection>());
        Assert.Equal(AuthenticationFlow.Certificate, connection.AuthenticationMethod);
        ConnectedEngine.AssertPullsFive(_engine, _tenant);
    }

    [Fact]
    public void Certificate_path_with_password_connects_and_pulls()
    {
        using var certificate = TestCertificates.Create();
        _tenant.RegisterCertificate(certificate);
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "pfx-P@ss"));
        try
        {
            var result = Connect(
                "-TenantId $tenant -ClientId $client -CertificatePath $path -CertificatePassword $password",
                ("path", path),
                ("password", HostedEngine.ToSecureString("pfx-P@ss")));
            Assert.Empty(result.Errors);
            ConnectedEngine.AssertPullsFive(_engine, _tenant);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Certificate_path_with_a_wrong_password_is_CertificateUnusable()
    {
        using var certificate = TestCertificates.Create();
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, "right-password"));
        try
        {
            var result = Connect(
                "-TenantId $tenant -ClientId $client -CertificatePath $path -CertificatePassword $password",
                ("path", path),
                ("password", HostedEngine.ToSecureString("wrong-password")));
            ConnectedEngine.AssertFails(result, "MdeSiem.CertificateUnusable", ErrorCategory.InvalidData);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Certificate_thumbprint_is_found_in_the_current_user_store()
    {
        using var certificate = TestCertificates.Create("CN=MdeSiem thumbprint test");
        _tenant.RegisterCertificate(certificate);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            var result = Connect("-TenantId $tenant -ClientId $client -CertificateThumbprint $thumbprint", ("thumbprint", certificate.Thumbprint));
            Assert.Empty(result.Errors);
            ConnectedEngine.AssertPullsFive(_engine, _tenant);
        }
        finally
        {
            store.Remove(certificate);
        }
    }

    [Fact]
    public void An_unknown_thumbprint_is_CertificateNotFound()
    {
        var result = Connect("-TenantId $tenant -ClientId $client -CertificateThumbprint 0123456789ABCDEF0123456789ABCDEF01234567");
        ConnectedEngine.AssertFails(result, "MdeSiem.CertificateNotFound", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void A_certificate_the_app_does_not_have_fails_with_AADSTS700027()
    {
        using var unregistered = TestCertificates.Create("CN=Not uploaded");

        var result = Connect("-TenantId $tenant -ClientId $client -Certificate $cert", ("cert", unregistered));

        var error = ConnectedEngine.AssertFails(result, "MdeSiem.AuthenticationFailed", ErrorCategory.AuthenticationError);
        Assert.Contains("AADSTS700027", error.ErrorDetails.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_without_private_key_is_CertificateUnusable()
    {
        using var withKey = TestCertificates.Create();
        using var publicOnly = X509CertificateLoader.LoadCertificate(withKey.RawData);

        var result = Connect("-TenantId $tenant -ClientId $client -Certificate $cert", ("cert", publicOnly));

        ConnectedEngine.AssertFails(result, "MdeSiem.CertificateUnusable", ErrorCategory.InvalidData);
    }
}
