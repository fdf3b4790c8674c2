using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class TokenErrorTests
{
    [Fact]
    public async Task Wrong_secret_is_401_invalid_client_7000215_in_Entra_shape()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.PostTokenV1Async(tenant.TenantId, tenant.ClientId, "not-the-secret");

        await AssertEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 7000215);
    }

    [Fact]
    public async Task Unknown_client_is_400_unauthorized_client_700016()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.PostTokenV1Async(tenant.TenantId, "00000000-0000-0000-0000-000000000001", tenant.ClientSecret);

        await AssertEntraErrorAsync(response, HttpStatusCode.BadRequest, "unauthorized_client", 700016);
    }

    [Fact]
    public async Task Managed_client_in_the_unmanaged_tenant_is_an_unknown_client()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.PostTokenV1Async(tenant.UnmanagedTenantId, tenant.ClientId, tenant.ClientSecret);

        await AssertEntraErrorAsync(response, HttpStatusCode.BadRequest, "unauthorized_client", 700016);
    }

    [Fact]
    public async Task Unknown_tenant_is_400_invalid_request_90002()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage v1 = await client.PostTokenV1Async("11111111-2222-3333-4444-555555555555", tenant.ClientId, tenant.ClientSecret);
        using HttpResponseMessage v2 = await client.PostTokenV2Async("11111111-2222-3333-4444-555555555555", tenant.ClientId, tenant.ClientSecret);

        await AssertEntraErrorAsync(v1, HttpStatusCode.BadRequest, "invalid_request", 90002);
        await AssertEntraErrorAsync(v2, HttpStatusCode.BadRequest, "invalid_request", 90002);
    }

    [Fact]
    public async Task Unknown_resource_is_400_invalid_resource_500011_in_both_versions()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage v1 = await client.PostTokenV1Async(tenant.TenantId, tenant.ClientId, tenant.ClientSecret, "https://management.azure.com");
        using HttpResponseMessage v2 = await client.PostTokenV2Async(tenant.TenantId, tenant.ClientId, tenant.ClientSecret, "https://management.azure.com/.default");

        await AssertEntraErrorAsync(v1, HttpStatusCode.BadRequest, "invalid_resource", 500011);
        await AssertEntraErrorAsync(v2, HttpStatusCode.BadRequest, "invalid_resource", 500011);
    }

    [Fact]
    public async Task V2_scope_without_default_suffix_is_400_invalid_scope()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.PostTokenV2Async(tenant.TenantId, tenant.ClientId, tenant.ClientSecret, "https://graph.windows.net/Alert.Read.All");

        await AssertEntraErrorAsync(response, HttpStatusCode.BadRequest, "invalid_scope", 1002012);
    }

    [Fact]
    public async Task Other_grant_types_are_400_unsupported_grant_type()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.PostTokenV1Async(tenant.TenantId, tenant.ClientId, tenant.ClientSecret, grantType: "password");

        await AssertEntraErrorAsync(response, HttpStatusCode.BadRequest, "unsupported_grant_type", 70003);
    }

    [Fact]
    public async Task Missing_secret_is_401_invalid_client()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);

        using HttpResponseMessage response = await client.PostTokenV1Async(tenant.TenantId, tenant.ClientId, "");

        await AssertEntraErrorAsync(response, HttpStatusCode.Unauthorized, "invalid_client", 7000218);
    }

    [Fact]
    public async Task Client_request_id_sent_by_the_client_becomes_the_correlation_id()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{tenant.TenantId}/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = tenant.ClientId, ["client_secret"] = "wrong", ["resource"] = SimulatorClient.SiemResource }),
        };
        request.Headers.Add("client-request-id", "5b0f5e4c-1111-4222-8333-944444444444");

        using HttpResponseMessage response = await client.Http.SendAsync(request);

        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("5b0f5e4c-1111-4222-8333-944444444444", body.RootElement.GetProperty("correlation_id").GetString());
        Assert.Equal("5b0f5e4c-1111-4222-8333-944444444444", Assert.Single(response.Headers.GetValues("client-request-id")));
    }

    private static async Task AssertEntraErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error, int code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement root = body.RootElement;
        Assert.Equal(error, root.GetProperty("error").GetString());
        Assert.Equal(code, Assert.Single(root.GetProperty("error_codes").EnumerateArray()).GetInt32());
        string description = root.GetProperty("error_description").GetString()!;
        Assert.StartsWith($"AADSTS{code}: ", description, System.StringComparison.Ordinal);
        Assert.Contains("\r\nTrace ID: " + root.GetProperty("trace_id").GetString(), description, System.StringComparison.Ordinal);
        Assert.Contains("\r\nCorrelation ID: " + root.GetProperty("correlation_id").GetString(), description, System.StringComparison.Ordinal);
        Assert.Contains("\r\nTimestamp: " + root.GetProperty("timestamp").GetString(), description, System.StringComparison.Ordinal);
    }
}
