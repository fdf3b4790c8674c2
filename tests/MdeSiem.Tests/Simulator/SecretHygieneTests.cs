using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class SecretHygieneTests
{
    [Fact]
    public async Task Client_secrets_never_appear_in_any_response_or_in_the_request_log()
    {
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(ManualClock.AtFixedTime());
        using var client = new SimulatorClient(tenant);
        string token = await client.GetTokenAsync();
        string unmanagedToken = await client.GetTokenAsync(unmanaged: true);
        var responses = new List<HttpResponseMessage>
        {
            await client.PostTokenV1Async(tenant.TenantId, tenant.ClientId, tenant.ClientSecret),
            await client.PostTokenV2Async(tenant.TenantId, tenant.ClientId, tenant.ClientSecret),
            await client.PostTokenV1Async(tenant.TenantId, tenant.ClientId, tenant.UnmanagedClientSecret),
            await client.PostTokenV1Async(tenant.TenantId, tenant.ClientId, tenant.ClientSecret + "x"),
            await client.PostTokenV1Async(tenant.TenantId, "00000000-0000-0000-0000-000000000001", tenant.ClientSecret),
            await client.PostTokenV1Async("11111111-2222-3333-4444-555555555555", tenant.ClientId, tenant.ClientSecret),
            await client.PostTokenV1Async(tenant.TenantId, tenant.ClientId, tenant.ClientSecret, "https://management.azure.com"),
            await client.PostTokenV1Async(tenant.TenantId, tenant.ClientId, tenant.ClientSecret, grantType: "password"),
            await client.GetAlertsAsync("", token),
            await client.GetAlertsAsync("", unmanagedToken),
            await client.GetAlertsAsync("", "garbage"),
            await client.GetAlertsAsync("?ago=nonsense", token),
            await client.Http.GetAsync($"{tenant.TenantId}/v2.0/.well-known/openid-configuration"),
        };

        foreach (HttpResponseMessage response in responses)
        {
            string everything = response.Headers + "\n" + response.Content.Headers + "\n" + await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(tenant.ClientSecret, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(tenant.UnmanagedClientSecret, everything, StringComparison.Ordinal);
            response.Dispose();
        }

        string log = string.Join("\n", tenant.Requests.Select(request => request.ToString()));
        Assert.DoesNotContain(tenant.ClientSecret, log, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.UnmanagedClientSecret, log, StringComparison.Ordinal);
    }
}
