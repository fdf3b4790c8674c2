using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task Enqueued_429_with_Retry_After_is_returned_once_then_service_is_normal()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        string token = await scope.Client.GetTokenAsync();
        scope.Tenant.EnqueueFault(SimulatedFault.Status(429, retryAfterSeconds: 7));

        using HttpResponseMessage throttled = await scope.Client.GetAlertsAsync("?limit=3", token);
        using HttpResponseMessage normal = await scope.Client.GetAlertsAsync("?limit=3", token);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.Headers.RetryAfter?.Delta);
        using JsonDocument error = JsonDocument.Parse(await throttled.Content.ReadAsStringAsync());
        Assert.Equal("TooManyRequests", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        Assert.Equal(new[] { 429, 200 }, scope.Tenant.Requests.Where(request => request.Path == "/api/alerts").Select(request => request.StatusCode));
    }

    [Fact]
    public async Task Faults_are_used_in_order_and_only_by_their_target()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        scope.Tenant.EnqueueFault(SimulatedFault.Status(503));
        scope.Tenant.EnqueueFault(SimulatedFault.Status(500));
        scope.Tenant.EnqueueFault(SimulatedFault.Status(503, target: FaultTarget.TokenEndpoint));

        using HttpResponseMessage tokenFailure = await scope.Client.PostTokenV1Async(scope.Tenant.TenantId, scope.Tenant.ClientId, scope.Tenant.ClientSecret);
        string token = await scope.Client.GetTokenAsync();
        using HttpResponseMessage first = await scope.Client.GetAlertsAsync("", token);
        using HttpResponseMessage second = await scope.Client.GetAlertsAsync("", token);
        using HttpResponseMessage third = await scope.Client.GetAlertsAsync("", token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, tokenFailure.StatusCode);
        using JsonDocument tokenError = JsonDocument.Parse(await tokenFailure.Content.ReadAsStringAsync());
        Assert.Equal("temporarily_unavailable", tokenError.RootElement.GetProperty("error").GetString());
        Assert.Equal(
            new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.OK },
            new[] { first.StatusCode, second.StatusCode, third.StatusCode });
    }

    [Fact]
    public async Task Truncation_sends_the_first_records_then_drops_the_connection()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        scope.Tenant.EnqueueFault(SimulatedFault.TruncateAfter(40));
        var received = new List<string>();

        using HttpResponseMessage response = await scope.Client.GetAlertsAsync("?ago=PT6H", await scope.Client.GetTokenAsync(), HttpCompletionOption.ResponseHeadersRead);
        Stream body = await response.Content.ReadAsStreamAsync();
        Exception? failure = await Record.ExceptionAsync(async () =>
        {
            await foreach (JsonElement record in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body))
            {
                received.Add(record.GetProperty("FullId").GetString()!);
            }
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.IsAssignableFrom<IOException>(failure);
        IReadOnlyList<SiemRecord> expected = Expected.Between(scope.Tenant.Generator, clock.UtcNow.AddHours(-6), clock.UtcNow);
        Assert.Equal(Expected.FullIds(expected.Take(40)), received);
    }

    [Fact]
    public async Task Malformed_body_fault_returns_200_with_invalid_JSON_once()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        string token = await scope.Client.GetTokenAsync();
        scope.Tenant.EnqueueFault(SimulatedFault.Malformed());

        using HttpResponseMessage broken = await scope.Client.GetAlertsAsync("", token);
        string brokenBody = await broken.Content.ReadAsStringAsync();
        using HttpResponseMessage normal = await scope.Client.GetAlertsAsync("", token);

        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(brokenBody));
        using JsonDocument good = JsonDocument.Parse(await normal.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Array, good.RootElement.ValueKind);
    }

    [Fact]
    public async Task Delay_fault_holds_the_response_until_the_client_gives_up()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        string token = await scope.Client.GetTokenAsync();
        scope.Tenant.EnqueueFault(SimulatedFault.Slow(TimeSpan.FromMinutes(5)));
        using var giveUp = new System.Threading.CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/alerts") { Headers = { Authorization = new("Bearer", token) } };

        Task<HttpResponseMessage> pending = scope.Client.Http.SendAsync(request, giveUp.Token);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }
}
