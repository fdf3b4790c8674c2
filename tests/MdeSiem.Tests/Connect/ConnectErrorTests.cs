using System;
using System.Management.Automation;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>Each bad input to Connect-MdeSiem gets its own stable error id and category.</summary>
public sealed class ConnectErrorTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatedTenant _tenant;
    private readonly HostedEngine _engine = new();

    public ConnectErrorTests(SimulatorFixture fixture)
    {
        _tenant = fixture.Tenant;
    }

    public void Dispose() => _engine.Dispose();

    private EngineResult Run(string script) => _engine.Run(
        script,
        ("tenant", _tenant.TenantId),
        ("client", _tenant.ClientId),
        ("secret", HostedEngine.ToSecureString(_tenant.ClientSecret)),
        ("wrong", HostedEngine.ToSecureString("Wrong8Q~" + Guid.NewGuid().ToString("N"))),
        ("uri", _tenant.BaseUri));

    [Fact]
    public void An_unknown_tenant_is_TenantNotFound()
    {
        var result = Run("Connect-MdeSiem -TenantId 11111111-2222-3333-4444-555555555555 -ClientId $client -ClientSecret $secret -EndpointUri $uri -SkipCertificateCheck");

        var error = ConnectedEngine.AssertFails(result, "MdeSiem.TenantNotFound", ErrorCategory.ObjectNotFound);
        Assert.Contains("AADSTS90002", error.ErrorDetails.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_secret_is_AuthenticationFailed()
    {
        var result = Run("Connect-MdeSiem -TenantId $tenant -ClientId $client -ClientSecret $wrong -EndpointUri $uri -SkipCertificateCheck");

        var error = ConnectedEngine.AssertFails(result, "MdeSiem.AuthenticationFailed", ErrorCategory.AuthenticationError);
        Assert.Contains("AADSTS7000215", error.ErrorDetails.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipping_the_certificate_check_for_a_remote_host_is_refused_before_anything_is_sent()
    {
        _tenant.ClearRequests();
        var result = Run("Connect-MdeSiem -TenantId $tenant -ClientId $client -ClientSecret $secret -EndpointUri https://siem.example.com/ -SkipCertificateCheck");

        ConnectedEngine.AssertFails(result, "MdeSiem.CertificateCheckNotAllowed", ErrorCategory.SecurityError);
        Assert.Empty(_tenant.Requests);
    }

    [Fact]
    public void Skipping_the_certificate_check_for_a_national_cloud_is_refused()
    {
        var result = Run("Connect-MdeSiem -TenantId $tenant -ClientId $client -ClientSecret $secret -Environment USGovHigh -SkipCertificateCheck");

        ConnectedEngine.AssertFails(result, "MdeSiem.CertificateCheckNotAllowed", ErrorCategory.SecurityError);
    }

    [Theory]
    [InlineData("-ClientId $client -ClientSecret $secret -CertificateThumbprint ABCDEF")]
    [InlineData("-ClientId $client -ClientSecret $secret -AccessToken $secret")]
    [InlineData("-Credential ([pscredential]::new('x', $secret)) -ClientSecret $secret")]
    [InlineData("-ClientId $client -CertificateThumbprint ABCDEF -CertificatePath ./app.pfx")]
    [InlineData("-Identity -AccessToken $secret")]
    public void Conflicting_credentials_are_a_parameter_set_error(string parameters)
    {
        var result = Run("Connect-MdeSiem -TenantId $tenant " + parameters + " -EndpointUri $uri -SkipCertificateCheck");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("AmbiguousParameterSet,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }

    [Fact]
    public void A_certificate_password_without_a_certificate_path_is_a_parameter_set_error()
    {
        var result = Run("Connect-MdeSiem -TenantId $tenant -ClientId $client -ClientSecret $secret -CertificatePassword $secret -EndpointUri $uri -SkipCertificateCheck");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("AmbiguousParameterSet,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_certificate_file_is_CertificateNotFound()
    {
        var result = Run("Connect-MdeSiem -TenantId $tenant -ClientId $client -CertificatePath ./no-such-file.pfx -EndpointUri $uri -SkipCertificateCheck");

        ConnectedEngine.AssertFails(result, "MdeSiem.CertificateNotFound", ErrorCategory.ObjectNotFound);
    }
}
