using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class TokenEndpointTests
{
    [Fact]
    public async Task V1_token_request_returns_an_Entra_shaped_response_with_string_numbers()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(clock);
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.PostTokenV1Async(tenant.TenantId, tenant.ClientId, tenant.ClientSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement root = body.RootElement;
        Assert.Equal("Bearer", root.GetProperty("token_type").GetString());
        Assert.Equal("3599", root.GetProperty("expires_in").GetString());
        Assert.Equal("3599", root.GetProperty("ext_expires_in").GetString());
        Assert.Equal(clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("not_before").GetString());
        Assert.Equal((clock.GetUtcNow().ToUnixTimeSeconds() + 3599).ToString(System.Globalization.CultureInfo.InvariantCulture), root.GetProperty("expires_on").GetString());
        Assert.Equal(SimulatorClient.SiemResource, root.GetProperty("resource").GetString());
    }

    [Fact]
    public async Task V1_access_token_is_a_JWT_for_the_requested_resource_and_tenant()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(clock, tokenLifetime: TimeSpan.FromMinutes(10));
        using var client = new SimulatorClient(tenant);

        string token = await client.GetTokenAsync();

        JsonElement header = JwtParts.Header(token);
        JsonElement payload = JwtParts.Payload(token);
        Assert.Equal("RS256", header.GetProperty("alg").GetString());
        Assert.Equal(SimulatorClient.SiemResource, payload.GetProperty("aud").GetString());
        Assert.Equal(tenant.TenantId, payload.GetProperty("tid").GetString());
        Assert.Equal($"https://sts.windows.net/{tenant.TenantId}/", payload.GetProperty("iss").GetString());
        Assert.Equal(tenant.ClientId, payload.GetProperty("appid").GetString());
        Assert.Contains("Alert.Read.All", payload.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.Equal(clock.GetUtcNow(), JwtParts.Time(payload, "iat"));
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(10), JwtParts.Time(payload, "exp"));
    }

    [Fact]
    public async Task V2_token_request_returns_numbers_and_a_token_for_the_scope_resource()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(clock);
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.PostTokenV2Async(
            tenant.TenantId, tenant.ClientId, tenant.ClientSecret, "https://api.securitycenter.microsoft.com/.default");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement root = body.RootElement;
        Assert.Equal("Bearer", root.GetProperty("token_type").GetString());
        Assert.Equal(3599, root.GetProperty("expires_in").GetInt32());
        Assert.Equal(3599, root.GetProperty("ext_expires_in").GetInt32());
        Assert.False(root.TryGetProperty("resource", out _));
        JsonElement payload = JwtParts.Payload(root.GetProperty("access_token").GetString()!);
        Assert.Equal("https://api.securitycenter.microsoft.com", payload.GetProperty("aud").GetString());
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(3599), JwtParts.Time(payload, "exp"));
    }

    [Fact]
    public async Task Token_responses_are_not_cacheable()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.PostTokenV1Async(tenant.TenantId, tenant.ClientId, tenant.ClientSecret);

        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Unmanaged_tenant_app_also_gets_tokens()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        string token = await client.GetTokenAsync(unmanaged: true);

        Assert.Equal(tenant.UnmanagedTenantId, JwtParts.Payload(token).GetProperty("tid").GetString());
    }

    [Fact]
    public async Task Tenant_is_matched_regardless_of_letter_case()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.PostTokenV1Async(
            tenant.TenantId.ToUpperInvariant(), tenant.ClientId.ToUpperInvariant(), tenant.ClientSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Configured_client_secret_is_used_instead_of_a_random_one()
    {
        await using SimulatedTenant tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { ClientSecret = "my-fixed-secret~1" });
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.PostTokenV1Async(tenant.TenantId, tenant.ClientId, "my-fixed-secret~1");

        Assert.Equal("my-fixed-secret~1", tenant.ClientSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Random_client_secrets_are_40_characters_and_differ_per_start()
    {
        await using SimulatedTenant first = await SimulatedTenant.StartAsync(new SimulatorOptions());
        await using SimulatedTenant second = await SimulatedTenant.StartAsync(new SimulatorOptions());

        Assert.Equal(40, first.ClientSecret.Length);
        Assert.Equal(40, first.UnmanagedClientSecret.Length);
        Assert.NotEqual(first.ClientSecret, second.ClientSecret);
        Assert.NotEqual(first.BaseUri, second.BaseUri);
    }
}
