using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

/// <summary>
/// A deliberately plain HTTP client for the simulator tests: form posts and GETs, nothing from MdeSiem.Core, so the
/// tests check the simulator against the protocol rather than against the module's own client.
/// </summary>
internal sealed class SimulatorClient : IDisposable
{
    public const string SiemResource = "https://graph.windows.net";

    private readonly SimulatedTenant tenant;

    public SimulatorClient(SimulatedTenant tenant)
    {
        this.tenant = tenant;

        // The simulator's certificate is self-signed for loopback; trusting it here is what the module does too.
        Http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true })
        {
            BaseAddress = tenant.BaseUri,
        };
    }

    public HttpClient Http { get; }

    public static string Time(DateTime utc) => Uri.EscapeDataString(utc.ToString("o", CultureInfo.InvariantCulture));

    public Task<HttpResponseMessage> PostTokenV1Async(string tenantId, string clientId, string secret, string resource = SiemResource, string grantType = "client_credentials") =>
        Http.PostAsync($"{tenantId}/oauth2/token", Form(("grant_type", grantType), ("client_id", clientId), ("client_secret", secret), ("resource", resource)));

    public Task<HttpResponseMessage> PostTokenV2Async(string tenantId, string clientId, string secret, string scope = SiemResource + "/.default") =>
        Http.PostAsync($"{tenantId}/oauth2/v2.0/token", Form(("grant_type", "client_credentials"), ("client_id", clientId), ("client_secret", secret), ("scope", scope)));

    /// <summary>An access token for the managed tenant's app (or the unmanaged one's).</summary>
    public async Task<string> GetTokenAsync(string resource = SiemResource, bool unmanaged = false)
    {
        using HttpResponseMessage response = unmanaged
            ? await PostTokenV1Async(tenant.UnmanagedTenantId, tenant.UnmanagedClientId, tenant.UnmanagedClientSecret, resource)
            : await PostTokenV1Async(tenant.TenantId, tenant.ClientId, tenant.ClientSecret, resource);
        response.EnsureSuccessStatusCode();
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<HttpResponseMessage> GetAlertsAsync(string query, string? token, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/alerts" + query);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request, completion);
    }

    /// <summary>GET /api/alerts with a fresh token, expecting 200; the FullIds of the records in response order.</summary>
    public async Task<IReadOnlyList<string>> GetFullIdsAsync(string query)
    {
        using HttpResponseMessage response = await GetAlertsAsync(query, await GetTokenAsync());
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.EnumerateArray().Select(record => record.GetProperty("FullId").GetString()!).ToArray();
    }

    public void Dispose() => Http.Dispose();

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)));
}
