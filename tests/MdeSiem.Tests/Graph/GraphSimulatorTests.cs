using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using MdeSiem.Tests.Simulator;
using Xunit;

namespace MdeSiem.Tests.Graph;

/// <summary>The simulator's Graph endpoints on the wire, without the module: the real API's limits and errors.</summary>
public sealed class GraphSimulatorTests : IAsyncLifetime
{
    private const string GraphResource = "https://graph.microsoft.com";

    private SimulatedTenant _tenant = null!;
    private SimulatorClient _client = null!;

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 600, Seed = 41 });
        _client = new SimulatorClient(_tenant);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _tenant.DisposeAsync();
    }

    private async Task<(HttpStatusCode Status, JsonDocument Body)> GetAsync(string pathAndQuery, string? resource = GraphResource)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (resource is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _client.GetTokenAsync(resource));
        }

        using var response = await _client.Http.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("v1.0/security/alerts_v2?$filter=detectionSource eq 'antivirus'", "Invalid filter clause: The property 'detectionSource' cannot be used in the $filter query option.")]
    [InlineData("v1.0/security/alerts_v2?$filter=noSuchThing eq 'x'", "Invalid filter clause: Could not find a property named 'noSuchThing' on type 'microsoft.graph.security.alert'.")]
    [InlineData("v1.0/security/alerts_v2?$top=2001", "The limit of '2000' for Top query has been exceeded. The value from the incoming request is '2001'.")]
    [InlineData("v1.0/security/incidents?$top=51", "The limit of '50' for Top query has been exceeded. The value from the incoming request is '51'.")]
    public async Task Requests_the_real_API_refuses_get_its_BadRequest(string pathAndQuery, string message)
    {
        var (status, body) = await GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("BadRequest", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(message, body.RootElement.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var (status, _) = await GetAsync("v1.0/security/alerts_v2", SimulatorClient.SiemResource);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Next_links_page_by_skiptoken_until_every_alert_is_served_once()
    {
        var expected = GraphExpectations.AlertsOf(_tenant.Batches).Select(alert => alert.Id).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var seen = new System.Collections.Generic.List<string>();
        string? next = "v1.0/security/alerts_v2?$top=70&$filter=" + Uri.EscapeDataString("severity ne 'unknown'");
        while (next is not null)
        {
            var (status, body) = await GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, status);
            seen.AddRange(body.RootElement.GetProperty("value").EnumerateArray().Select(alert => alert.GetProperty("id").GetString()!));
            next = body.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            Assert.True(next is null || next.Contains("$skiptoken=", StringComparison.Ordinal) || next.Contains("%24skiptoken=", StringComparison.Ordinal));
        }

        Assert.Equal(expected, seen.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Time_filters_and_ordering_follow_createdDateTime()
    {
        var all = GraphExpectations.AlertsOf(_tenant.Batches).OrderBy(alert => alert.CreatedDateTime).ThenBy(alert => alert.Id, StringComparer.Ordinal).ToList();
        var from = all[100].CreatedDateTime;
        var filter = Uri.EscapeDataString("createdDateTime ge " + from.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));

        var (status, body) = await GetAsync($"v1.0/security/alerts_v2?$filter={filter}&$orderby=createdDateTime asc&$top=50");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            all.Where(alert => alert.CreatedDateTime >= from).Take(50).Select(alert => alert.Id),
            body.RootElement.GetProperty("value").EnumerateArray().Select(alert => alert.GetProperty("id").GetString()));
    }
}
