using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Microsoft.Identity.Client;
using Xunit;

namespace MdeSiem.Tests.Simulator;

/// <summary>The module gets its tokens through MSAL; the simulated token endpoint must satisfy MSAL, not just curl.</summary>
public sealed class MsalCompatibilityTests
{
    [Fact]
    public async Task MSAL_acquires_a_client_credentials_token_from_the_simulator()
    {
        await using SimulatedTenant tenant = await SimulatedTenant.StartAsync(new SimulatorOptions());
        IConfidentialClientApplication app = ConfidentialClientApplicationBuilder.Create(tenant.ClientId)
            .WithClientSecret(tenant.ClientSecret)
            .WithAuthority(new Uri(tenant.BaseUri, tenant.TenantId).ToString(), validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new TrustingHttpClientFactory())
            .Build();

        AuthenticationResult result = await app.AcquireTokenForClient(["https://graph.windows.net/.default"]).ExecuteAsync();

        Assert.Equal("https://graph.windows.net", JwtParts.Payload(result.AccessToken).GetProperty("aud").GetString());
        Assert.InRange(result.ExpiresOn, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Contains(tenant.Requests, request => request.Path == $"/{tenant.TenantId}/oauth2/v2.0/token" && request.StatusCode == 200);
    }

    [Fact]
    public async Task MSAL_reports_a_wrong_secret_as_invalid_client()
    {
        await using SimulatedTenant tenant = await SimulatedTenant.StartAsync(new SimulatorOptions());
        IConfidentialClientApplication app = ConfidentialClientApplicationBuilder.Create(tenant.ClientId)
            .WithClientSecret("wrong")
            .WithAuthority(new Uri(tenant.BaseUri, tenant.TenantId).ToString(), validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new TrustingHttpClientFactory())
            .Build();

        MsalServiceException failure = await Assert.ThrowsAsync<MsalServiceException>(() => app.AcquireTokenForClient(["https://graph.windows.net/.default"]).ExecuteAsync());

        Assert.Equal("invalid_client", failure.ErrorCode);
        Assert.Equal(401, failure.StatusCode);
        Assert.Contains(tenant.Requests, request => request.StatusCode == 401);
        Assert.DoesNotContain(tenant.Requests, request => request.Path.Contains("discovery", StringComparison.Ordinal) && request.StatusCode != 200);
        Assert.True(tenant.Requests.All(request => request.StatusCode is 200 or 401));
    }

    private sealed class TrustingHttpClientFactory : IMsalHttpClientFactory
    {
        private readonly HttpClient client = new(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true });

        public HttpClient GetHttpClient() => client;
    }
}
