using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using MdeSiem.Tests.Graph;
using Xunit;

namespace MdeSiem.Tests.Simulator;

/// <summary>The Graph faults the checkpoint tests rely on: aimed at chosen requests, 206 partial pages, truncated JSON, test control.</summary>
public sealed class GraphFaultTests : IAsyncLifetime
{
    private const string GraphResource = "https://graph.microsoft.com";
    private const string Page = "v1.0/security/alerts_v2?$orderby=createdDateTime asc&$top=20";

    private readonly ManualClock _clock = ManualClock.AtFixedTime();
    private SimulatedTenant _tenant = null!;
    private SimulatorClient _client = null!;
    private string _token = "";

    public async Task InitializeAsync()
    {
        _tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 300, Seed = 5, Clock = _clock, EnableTestControl = true });
        _client = new SimulatorClient(_tenant);
        _token = await _client.GetTokenAsync(GraphResource);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _tenant.DisposeAsync();
    }

    private async Task<HttpResponseMessage> GetAsync(string relative)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, relative);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return await _client.Http.SendAsync(request);
    }

    private static async Task<List<string>> IdsOf(HttpResponseMessage response)
    {
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("value").EnumerateArray().Select(alert => alert.GetProperty("id").GetString()!).ToList();
    }

    [Fact]
    public async Task A_fault_waits_for_a_matching_request_and_lets_the_first_ones_through()
    {
        _tenant.EnqueueFault(new SimulatedFault { Target = FaultTarget.GraphApi, StatusCode = 503, RequestContains = "$top=20", AfterMatchingRequests = 1 });

        using HttpResponseMessage other = await GetAsync("v1.0/security/alerts_v2?$top=5");
        using HttpResponseMessage passed = await GetAsync(Page);
        using HttpResponseMessage failed = await GetAsync(Page);
        using HttpResponseMessage after = await GetAsync(Page);

        Assert.Equal(
            new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK },
            new[] { other.StatusCode, passed.StatusCode, failed.StatusCode, after.StatusCode });
    }

    [Fact]
    public async Task A_partial_answer_is_206_with_every_other_record_and_names_the_provider()
    {
        using HttpResponseMessage whole = await GetAsync(Page);
        _tenant.EnqueueFault(SimulatedFault.PartialContent("Contoso"));
        using HttpResponseMessage partial = await GetAsync(Page);

        Assert.Equal((HttpStatusCode)206, partial.StatusCode);
        Assert.Equal("199 - \"Microsoft/Contoso/504/10000\"", Assert.Single(partial.Headers.GetValues("Warning")));
        var all = await IdsOf(whole);
        Assert.Equal(all.Where((_, index) => index % 2 == 0), await IdsOf(partial));
    }

    [Fact]
    public async Task Truncated_json_is_a_complete_response_whose_body_stops_half_way()
    {
        _tenant.EnqueueFault(new SimulatedFault { Target = FaultTarget.GraphApi, TruncatedJson = true });
        using HttpResponseMessage response = await GetAsync(Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("{\"@odata.context\"", body, StringComparison.Ordinal);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));
    }

    [Fact]
    public async Task Test_control_serves_the_ground_truth_of_the_generator_and_takes_faults()
    {
        using HttpResponseMessage truth = await _client.Http.GetAsync("_test/graph-alerts");
        using JsonDocument document = JsonDocument.Parse(await truth.Content.ReadAsStringAsync());
        var served = document.RootElement.EnumerateArray()
            .Select(alert => alert.GetProperty("id").GetString() + "|" + alert.GetProperty("lastUpdateTicks").GetInt64())
            .OrderBy(key => key, StringComparer.Ordinal);
        var expected = GraphExpectations.AlertsOf(_tenant.Batches)
            .Select(alert => alert.Id + "|" + alert.LastActivityDateTime.Ticks)
            .OrderBy(key => key, StringComparer.Ordinal);
        Assert.Equal(expected, served);

        using var fault = new StringContent("{\"target\":\"GraphApi\",\"statusCode\":500,\"count\":2}", System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage enqueued = await _client.Http.PostAsync("_test/faults", fault);
        Assert.Equal(HttpStatusCode.OK, enqueued.StatusCode);
        using HttpResponseMessage first = await GetAsync(Page);
        using HttpResponseMessage second = await GetAsync(Page);
        using HttpResponseMessage third = await GetAsync(Page);
        Assert.Equal(new[] { HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK }, new[] { first.StatusCode, second.StatusCode, third.StatusCode });
    }

    [Fact]
    public async Task Test_control_is_absent_unless_asked_for()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope plain = await SimulatorClientScope.StartAsync(clock, alertCount: 10);
        using HttpResponseMessage response = await plain.Client.Http.GetAsync("_test/graph-alerts");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
