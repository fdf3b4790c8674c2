using System;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using MdeSiem.Core.Errors;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>
/// Errors that say what happened: transport failures at connect, a ready token for another API, and sign-in
/// failures that lead with the identity platform's own reason.
/// </summary>
public sealed class ConnectFailureReasonTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatedTenant _tenant;
    private readonly HostedEngine _engine = new();

    public ConnectFailureReasonTests(SimulatorFixture fixture)
    {
        _tenant = fixture.Tenant;
    }

    public void Dispose() => _engine.Dispose();

    private EngineResult Connect(Uri endpoint, string extra = "") => _engine.Run(
        "Connect-MdeSiem -TenantId $tenant -ClientId $client -ClientSecret $secret -EndpointUri $uri " + extra,
        ("tenant", _tenant.TenantId),
        ("client", _tenant.ClientId),
        ("secret", HostedEngine.ToSecureString(_tenant.ClientSecret)),
        ("uri", endpoint));

    [Fact]
    public void An_untrusted_certificate_at_connect_is_ConnectionFailed_with_the_transport_reason()
    {
        // The simulator's certificate is self-signed: without -SkipCertificateCheck the TLS handshake fails.
        var result = Connect(_tenant.BaseUri);

        var error = ConnectedEngine.AssertFails(result, "MdeSiem.ConnectionFailed", ErrorCategory.ConnectionError);
        var exception = Assert.IsType<MdeSiemException>(error.Exception);
        Assert.NotNull(exception.InnerException?.InnerException);
        Assert.Contains(exception.InnerException!.InnerException!.Message, error.ErrorDetails.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_connection_at_connect_is_ConnectionFailed()
    {
        var result = Connect(new Uri($"https://127.0.0.1:{ClosedPort()}/"), "-SkipCertificateCheck");

        ConnectedEngine.AssertFails(result, "MdeSiem.ConnectionFailed", ErrorCategory.ConnectionError);
    }

    [Fact]
    public void A_ready_token_for_another_audience_is_TokenAudienceMismatch_naming_both()
    {
        // A SIEM API token (audience graph.windows.net) used for Microsoft Graph, which the simulator refuses (401).
        var siemToken = TokenRequests.ClientCredentialsToken(_tenant, "https://graph.windows.net");
        var connect = _engine.Run(
            "Connect-MdeSiem -AccessToken $token -EndpointUri $uri -SkipCertificateCheck",
            ("token", HostedEngine.ToSecureString(siemToken)),
            ("uri", _tenant.BaseUri));
        Assert.Empty(connect.Errors);

        var result = _engine.Run("Get-DefenderAlert -Top 1");

        var error = ConnectedEngine.AssertFails(result, "MdeSiem.TokenAudienceMismatch", ErrorCategory.AuthenticationError);
        var exception = Assert.IsType<MdeSiemException>(error.Exception);
        Assert.Equal("https://graph.windows.net", exception.TokenAudience);
        Assert.Equal("https://graph.microsoft.com", exception.RequiredAudience);
    }

    [Fact]
    public void A_wrong_secret_leads_with_the_identity_platform_reason()
    {
        var result = _engine.Run(
            "Connect-MdeSiem -TenantId $tenant -ClientId $client -ClientSecret $wrong -EndpointUri $uri -SkipCertificateCheck",
            ("tenant", _tenant.TenantId),
            ("client", _tenant.ClientId),
            ("wrong", HostedEngine.ToSecureString("Wrong8Q~" + Guid.NewGuid().ToString("N"))),
            ("uri", _tenant.BaseUri));

        var error = ConnectedEngine.AssertFails(result, "MdeSiem.AuthenticationFailed", ErrorCategory.AuthenticationError);
        // "Sign-in failed (invalid_client): AADSTS7000215: ..." - the service's code right after MSAL's error code.
        var afterCode = error.ErrorDetails.Message.Substring(error.ErrorDetails.Message.IndexOf("): ", StringComparison.Ordinal) + 3);
        Assert.StartsWith("AADSTS7000215:", afterCode, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        // A port that was just free: bound and released, so nothing listens there.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
