using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using MdeSiem.Simulator;

namespace MdeSiem.Tests.Connect;

/// <summary>Gets a token from the simulator directly (not through the module), as another tool would.</summary>
internal static class TokenRequests
{
    public static string ClientCredentialsToken(SimulatedTenant tenant, string resource = "https://graph.windows.net")
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
        using var client = new HttpClient(handler);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = tenant.ClientId,
            ["client_secret"] = tenant.ClientSecret,
            ["scope"] = resource + "/.default",
        });
        using var response = client.PostAsync(new Uri(tenant.BaseUri, tenant.TenantId + "/oauth2/v2.0/token"), form).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        return document.RootElement.GetProperty("access_token").GetString()!;
    }
}
