using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Http;
using MdeSiem.Core.Mde;
using MdeSiem.Simulator;
using MdeSiem.Tests.Cmdlets;
using MdeSiem.Tests.Graph;
using MdeSiem.Tests.Simulator;
using Xunit;

namespace MdeSiem.Tests.Mde;

/// <summary>The Defender APIs' documented call limits: the simulator enforces them, the client paces itself under them.</summary>
public sealed class MdeRateLimitTests
{
    private static async Task<HttpResponseMessage> GetAsync(SimulatorClient client, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.Http.SendAsync(request);
    }

    [Fact]
    public async Task The_call_over_a_limit_gets_429_with_Retry_After_and_the_other_API_is_counted_apart()
    {
        // A minute scaled to 20 s: far longer than 100 quick local calls take.
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 50, RateLimitTimeScale = 1.0 / 3 });
        using var client = new SimulatorClient(tenant);
        var alertsToken = await client.GetTokenAsync("https://api.securitycenter.microsoft.com");
        var incidentsToken = await client.GetTokenAsync("https://api.security.microsoft.com");

        for (var i = 0; i < 100; i++)
        {
            using var ok = await GetAsync(client, "mde/api/alerts?$top=1", alertsToken);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await GetAsync(client, "mde/api/alerts?$top=1", alertsToken);
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 20);
        using var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("TooManyRequests", error.RootElement.GetProperty("error").GetProperty("code").GetString());

        for (var i = 0; i < 50; i++)
        {
            using var ok = await GetAsync(client, "mde/api/incidents?$top=1", incidentsToken);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refusedIncidents = await GetAsync(client, "mde/api/incidents?$top=1", incidentsToken);
        Assert.Equal((HttpStatusCode)429, refusedIncidents.StatusCode);
    }

    // "List incidents API" (https://learn.microsoft.com/defender-xdr/api-list-incidents): 50 calls per minute and 1,500
    // per hour. The limit's clock is moved by hand: 30 minutes of 50 calls fill the hour.
    [Fact]
    public async Task The_incidents_API_refuses_the_1501st_call_of_an_hour_even_under_the_minute_limit()
    {
        var limitClock = ManualClock.AtFixedTime();
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 20, RateLimitClock = limitClock });
        using var client = new SimulatorClient(tenant);
        var token = await client.GetTokenAsync("https://api.security.microsoft.com");

        for (var minute = 0; minute < 30; minute++)
        {
            // The minute's 50 calls five at a time: all fit, in any order.
            for (var batch = 0; batch < 10; batch++)
            {
                var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => GetAsync(client, "mde/api/incidents?$top=1", token)));
                Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
                Array.ForEach(answers, answer => answer.Dispose());
            }

            limitClock.Advance(TimeSpan.FromMinutes(1));
        }

        using var refused = await GetAsync(client, "mde/api/incidents?$top=1", token);

        // Room opens when the first minute's calls leave the hour: 60 - 30 minutes from now.
        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(30), refused.Headers.RetryAfter!.Delta);
    }

    [Fact]
    public async Task Each_API_takes_only_its_own_audience()
    {
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 50 });
        using var client = new SimulatorClient(tenant);

        using var alertsWithXdrToken = await GetAsync(client, "mde/api/alerts", await client.GetTokenAsync("https://api.security.microsoft.com"));
        using var incidentsWithMdeToken = await GetAsync(client, "mde/api/incidents", await client.GetTokenAsync("https://api.securitycenter.microsoft.com"));

        Assert.Equal(HttpStatusCode.Unauthorized, alertsWithXdrToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, incidentsWithMdeToken.StatusCode);
    }

    [Fact]
    public async Task A_30000_alert_pull_in_pages_of_200_stays_under_the_limit_with_no_429()
    {
        // One documented minute is 20 s here for both sides: the ~160 pages do not fit in one window at this
        // machine's usual speed, so the client waits for room; the simulator refuses (429) any call over 100 in a
        // window and the request log shows none.
        const double scale = 20.0 / 60;
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 54_000, Seed = 5, Span = TimeSpan.FromDays(3), RateLimitTimeScale = scale });
        var expected = MdeExpectations.AlertsOf(tenant.Batches);
        Assert.True(expected.Count >= 30_000, $"{expected.Count} alerts");
        var settings = new ConnectionSettings
        {
            TenantId = tenant.TenantId,
            ClientId = tenant.ClientId,
            ClientSecret = HostedEngine.ToSecureString(tenant.ClientSecret),
            EndpointUri = tenant.BaseUri,
            SkipCertificateCheck = true,
            RequestBudgetTimeScale = scale,
        };
        using var connection = await MdeSiemConnection.ConnectAsync(settings, default);
        var log = new List<string>();
        var previous = RequestLog.Current;
        RequestLog.Current = log.Add;
        var count = 0;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var alert in new MdeAlertClient(connection).GetAlertsAsync(new MdeAlertQuery { All = true, Top = 200 }))
            {
                count++;
                ids.Add(alert.Id!);
            }
        }
        finally
        {
            RequestLog.Current = previous;
        }

        var calls = tenant.Requests.Where(request => request.Path == "/mde/api/alerts").ToList();
        Assert.Equal(expected.Count, count);
        Assert.Equal(expected.Count, ids.Count);
        Assert.Equal((expected.Count / 200) + 1, calls.Count);
        Assert.True(calls.Count > 100);
        Assert.DoesNotContain(calls, call => call.StatusCode == 429);

        // Whether the client had to wait depends on how fast this machine is (no timed assertions); when it did,
        // -Verbose said so. The budget's arithmetic is proven on a manual clock in RequestBudgetTests.
        Assert.All(log.Where(line => line.StartsWith("Waiting ", StringComparison.Ordinal)), line => Assert.Contains("MdeAlerts call budget", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_and_the_pull_completes()
    {
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 300 });
        using var connection = await GraphTenantConnection.ConnectAsync(tenant);
        tenant.EnqueueFault(SimulatedFault.Status(429, retryAfterSeconds: 1, target: FaultTarget.DefenderApi));

        var count = 0;
        await foreach (var alert in new MdeAlertClient(connection).GetAlertsAsync(new MdeAlertQuery { All = true, Top = 50 }))
        {
            count++;
        }

        Assert.Equal(MdeExpectations.AlertsOf(tenant.Batches).Count, count);
        var statuses = tenant.Requests.Where(request => request.Path == "/mde/api/alerts").Select(request => request.StatusCode).ToList();
        Assert.Equal(429, statuses[0]);
        Assert.All(statuses.Skip(1), status => Assert.Equal(200, status));
    }

    [Fact]
    public async Task A_call_over_the_budget_waits_for_room_and_says_so()
    {
        await using var tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 50 });
        using var connection = await GraphTenantConnection.ConnectAsync(tenant);
        // One call per 10 s (long enough for a loaded machine): the second call, made as soon as the first is
        // answered, must wait for the window.
        connection.Budgets[ApiNames.MdeAlerts] = new RequestBudget(ApiNames.MdeAlerts, new[] { new RateLimit(1, TimeSpan.FromSeconds(10)) });
        var log = new List<string>();
        var previous = RequestLog.Current;
        RequestLog.Current = line => { lock (log) { log.Add(line); } };
        try
        {
            var client = new MdeAlertClient(connection);
            await foreach (var alert in client.GetAlertsAsync(new MdeAlertQuery { Top = 1 }))
            {
            }

            await foreach (var alert in client.GetAlertsAsync(new MdeAlertQuery { Top = 1 }))
            {
            }
        }
        finally
        {
            RequestLog.Current = previous;
        }

        Assert.Single(log, line => line.StartsWith("Waiting ", StringComparison.Ordinal) && line.Contains("MdeAlerts call budget", StringComparison.Ordinal));
    }
}
