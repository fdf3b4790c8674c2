using System;
using System.Linq;
using System.Management.Automation;
using MdeSiem.Core.Auth;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using Xunit;

namespace MdeSiem.Tests.Connect;

/// <summary>
/// Ready tokens (no refresh, a clear error when they expire) and transparent refresh for flows that can refresh.
/// The simulator's clock is moved past the token lifetime instead of waiting. The tests share one clock, so they
/// run one after another (xunit runs the tests of a class sequentially).
/// </summary>
public sealed class AccessTokenAndRefreshTests : IClassFixture<ClockedTenantFixture>, IDisposable
{
    // The tests move the clock by hours: ask for every record rather than the default last two hours.
    private const string AnyTime = "-SinceTimeUtc ([datetime]'2000-01-01')";

    private readonly ClockedTenantFixture _fixture;
    private readonly SimulatedTenant _tenant;
    private readonly HostedEngine _engine = new();

    public AccessTokenAndRefreshTests(ClockedTenantFixture fixture)
    {
        _fixture = fixture;
        _tenant = fixture.Tenant;
    }

    public void Dispose() => _engine.Dispose();

    [Fact]
    public void A_ready_token_connects_pulls_and_shows_its_expiry_from_the_token()
    {
        var token = TokenRequests.ClientCredentialsToken(_tenant);
        var expectedExpiry = _fixture.Clock.UtcNow.AddSeconds(3599);

        var result = _engine.Run(
            "Connect-MdeSiem -AccessToken $token -EndpointUri $uri -SkipCertificateCheck -PassThru",
            ("token", HostedEngine.ToSecureString(token)),
            ("uri", _tenant.BaseUri));

        Assert.Empty(result.Errors);
        var connection = Assert.Single(result.OutputOf<MdeSiemConnection>());
        Assert.Equal(AuthenticationFlow.AccessToken, connection.AuthenticationMethod);
        Assert.Equal(_tenant.TenantId, connection.TenantId);
        Assert.Equal(_tenant.ClientId, connection.ClientId);
        var info = Assert.Single(connection.Tokens);
        Assert.Equal("https://graph.windows.net", info.Resource);
        Assert.Equal(expectedExpiry, info.ExpiresOnUtc);
        Assert.Contains("Alert.Read.All", connection.Roles);
        ConnectedEngine.AssertPullsFive(_engine, _tenant, AnyTime);
    }

    [Fact]
    public void A_ready_token_refused_by_the_service_is_TokenExpired_during_the_pull()
    {
        var token = TokenRequests.ClientCredentialsToken(_tenant);
        _engine.Run(
            "Connect-MdeSiem -AccessToken $token -EndpointUri $uri -SkipCertificateCheck",
            ("token", HostedEngine.ToSecureString(token)),
            ("uri", _tenant.BaseUri));

        _fixture.Clock.Advance(TimeSpan.FromHours(2));
        var result = _engine.Run("Get-MdeSiemAlert -Limit 5 -WarningAction SilentlyContinue");

        ConnectedEngine.AssertFails(result, "MdeSiem.TokenExpired", ErrorCategory.AuthenticationError);
    }

    [Fact]
    public void A_ready_token_already_expired_fails_at_connect_with_TokenExpired()
    {
        // {"alg":"none"}.{"exp":1}: expired in 1970, by any clock.
        var expired = "eyJhbGciOiJub25lIn0.eyJleHAiOjF9.c2ln";

        var result = _engine.Run(
            "Connect-MdeSiem -AccessToken $token -EndpointUri $uri -SkipCertificateCheck",
            ("token", HostedEngine.ToSecureString(expired)),
            ("uri", _tenant.BaseUri));

        ConnectedEngine.AssertFails(result, "MdeSiem.TokenExpired", ErrorCategory.AuthenticationError);
    }

    [Fact]
    public void An_expired_token_is_refreshed_transparently_during_a_pull()
    {
        _engine.ConnectTo(_tenant);
        _tenant.ClearRequests();

        // MSAL still holds the token (its cache follows this machine's clock); the API now finds it expired.
        _fixture.Clock.Advance(TimeSpan.FromHours(2));
        ConnectedEngine.AssertPullsFive(_engine, _tenant, AnyTime);

        var sent = _tenant.Requests.Select(r => (r.Path.Contains("/token", StringComparison.Ordinal) ? "token" : r.Path, r.StatusCode)).ToList();
        Assert.Equal(new[] { ("/api/alerts", 401), ("token", 200), ("/api/alerts", 200) }, sent);
    }
}
