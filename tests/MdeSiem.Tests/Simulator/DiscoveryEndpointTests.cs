using System;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class DiscoveryEndpointTests
{
    [Fact]
    public async Task OpenId_configuration_points_at_this_host()
    {
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(ManualClock.AtFixedTime());
        SimulatedTenant tenant = scope.Tenant;

        using HttpResponseMessage response = await scope.Client.Http.GetAsync($"{tenant.TenantId}/v2.0/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal($"{tenant.BaseUri}{tenant.TenantId}/oauth2/v2.0/token", body.RootElement.GetProperty("token_endpoint").GetString());
    }

    [Fact]
    public async Task Instance_discovery_names_this_host_as_its_own_alias()
    {
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(ManualClock.AtFixedTime());
        SimulatedTenant tenant = scope.Tenant;
        string authorize = Uri.EscapeDataString($"{tenant.BaseUri}{tenant.TenantId}/oauth2/v2.0/authorize");

        using HttpResponseMessage response = await scope.Client.Http.GetAsync($"common/discovery/instance?api-version=1.1&authorization_endpoint={authorize}");

        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            $"{tenant.BaseUri}{tenant.TenantId}/v2.0/.well-known/openid-configuration",
            body.RootElement.GetProperty("tenant_discovery_endpoint").GetString());
        Assert.Equal(tenant.BaseUri.Authority, body.RootElement.GetProperty("metadata")[0].GetProperty("aliases")[0].GetString());
    }

    [Fact]
    public async Task Published_signing_key_verifies_issued_tokens()
    {
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(ManualClock.AtFixedTime());
        string token = await scope.Client.GetTokenAsync();

        using HttpResponseMessage response = await scope.Client.Http.GetAsync($"{scope.Tenant.TenantId}/discovery/v2.0/keys");

        using JsonDocument keys = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement key = keys.RootElement.GetProperty("keys")[0];
        Assert.Equal(JwtParts.Header(token).GetProperty("kid").GetString(), key.GetProperty("kid").GetString());
        using RSA rsa = RSA.Create(new RSAParameters
        {
            Modulus = System.Buffers.Text.Base64Url.DecodeFromChars(key.GetProperty("n").GetString()),
            Exponent = System.Buffers.Text.Base64Url.DecodeFromChars(key.GetProperty("e").GetString()),
        });
        string[] parts = token.Split('.');
        Assert.True(rsa.VerifyData(
            Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
            System.Buffers.Text.Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public async Task Unknown_paths_are_404_with_a_JSON_error()
    {
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(ManualClock.AtFixedTime());

        using HttpResponseMessage response = await scope.Client.Http.GetAsync("api/machines");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("NotFound", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }
}
