using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class SiemAuthorizationTests
{
    [Fact]
    public async Task Request_without_token_is_401_with_a_bearer_challenge()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.GetAlertsAsync("", token: null);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Malformed_token_is_401()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.GetAlertsAsync("", "not.a-jwt");

        await AssertUnauthorizedAsync(response);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.Single().Parameter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_whose_expiry_was_edited_is_401_because_the_signature_no_longer_matches()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(clock, tokenLifetime: TimeSpan.FromSeconds(60));
        using var client = new SimulatorClient(tenant);
        string token = await client.GetTokenAsync();
        string forged = JwtParts.WithClaim(token, "exp", clock.GetUtcNow().AddDays(1).ToUnixTimeSeconds());
        clock.Advance(TimeSpan.FromSeconds(120));

        using HttpResponseMessage response = await client.GetAlertsAsync("", forged);

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Expired_token_is_401_and_a_fresh_token_works()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(clock, tokenLifetime: TimeSpan.FromSeconds(60));
        using var client = new SimulatorClient(tenant);
        string token = await client.GetTokenAsync();

        using HttpResponseMessage beforeExpiry = await client.GetAlertsAsync("", token);
        clock.Advance(TimeSpan.FromSeconds(60));
        using HttpResponseMessage atExpiry = await client.GetAlertsAsync("", token);
        using HttpResponseMessage withFreshToken = await client.GetAlertsAsync("", await client.GetTokenAsync());

        Assert.Equal(HttpStatusCode.OK, beforeExpiry.StatusCode);
        await AssertUnauthorizedAsync(atExpiry);
        Assert.Equal(HttpStatusCode.OK, withFreshToken.StatusCode);
    }

    [Fact]
    public async Task Token_from_another_simulator_is_401()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        await using SimulatedTenant other = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);
        using var otherClient = new SimulatorClient(other);

        using HttpResponseMessage response = await client.GetAlertsAsync("", await otherClient.GetTokenAsync());

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Token_for_another_audience_is_401()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.GetAlertsAsync("", await client.GetTokenAsync("https://graph.microsoft.com"));

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Security_center_audience_is_accepted_as_well_as_the_documented_one()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.GetAlertsAsync("", await client.GetTokenAsync("https://api.securitycenter.microsoft.com"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unmanaged_tenant_is_403()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.GetAlertsAsync("", await client.GetTokenAsync(unmanaged: true));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Forbidden", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Every_response_carries_a_request_id_that_the_log_records()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.GetAlertsAsync("?limit=1", await client.GetTokenAsync());

        string requestId = Assert.Single(response.Headers.GetValues("request-id"));
        Assert.True(Guid.TryParse(requestId, out _));
        Assert.Equal(requestId, Assert.Single(response.Headers.GetValues("client-request-id")));
        RecordedRequest logged = tenant.Requests.Last();
        Assert.Equal(("GET", "/api/alerts", "?limit=1", true, 200, requestId), (logged.Method, logged.Path, logged.QueryString, logged.HasAuthorization, logged.StatusCode, logged.RequestId));
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("Unauthorized", await ErrorCodeAsync(response));
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("error").GetProperty("code").GetString();
    }
}
