using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

/// <summary>The byte-level faults and the program's control hooks on the wire, without the module.</summary>
public sealed class MidBodyFaultInjectionTests
{
    private const string GraphResource = "https://graph.microsoft.com";

    [Fact]
    public async Task A_reset_sends_a_prefix_of_the_real_body_then_breaks_the_connection()
    {
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(ManualClock.AtFixedTime(), alertCount: 300);
        string token = await scope.Client.GetTokenAsync();
        using HttpResponseMessage normal = await scope.Client.GetAlertsAsync("?ago=PT6H", token);
        byte[] whole = await normal.Content.ReadAsByteArrayAsync();
        Assert.True(whole.Length > 60_000);
        scope.Tenant.EnqueueFault(SimulatedFault.ResetMidBody(50_000));

        using HttpResponseMessage broken = await scope.Client.GetAlertsAsync("?ago=PT6H", token, HttpCompletionOption.ResponseHeadersRead);
        var received = new MemoryStream();
        Exception? failure = await Record.ExceptionAsync(() => broken.Content.ReadAsStream().CopyToAsync(received));

        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.IsAssignableFrom<IOException>(failure);
        Assert.InRange(received.Length, 0, 50_000);
        Assert.Equal(whole.Take((int)received.Length), received.ToArray());
    }

    [Fact]
    public async Task A_stall_holds_a_Graph_page_then_sends_all_of_it()
    {
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(ManualClock.AtFixedTime(), alertCount: 300);
        string token = await scope.Client.GetTokenAsync(GraphResource);
        using (HttpResponseMessage normal = await GetGraphPageAsync(scope, token, HttpCompletionOption.ResponseContentRead))
        {
            byte[] whole = await normal.Content.ReadAsByteArrayAsync();
            scope.Tenant.EnqueueFault(SimulatedFault.StallMidBody(4_000, TimeSpan.FromSeconds(4), FaultTarget.GraphApi));

            using HttpResponseMessage held = await GetGraphPageAsync(scope, token, HttpCompletionOption.ResponseHeadersRead);
            Stream body = await held.Content.ReadAsStreamAsync();
            var received = new MemoryStream();
            var buffer = new byte[4_000];
            while (received.Length < 4_000)
            {
                received.Write(buffer, 0, await body.ReadAsync(buffer.AsMemory(0, 4_000 - (int)received.Length)));
            }

            // The next byte is held back: a read started now is still waiting a second later.
            var one = new byte[1];
            Task<int> next = body.ReadAsync(one).AsTask();
            bool pending = await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(1))) != next;
            received.Write(one, 0, await next);
            await body.CopyToAsync(received);

            Assert.True(pending);
            Assert.Equal(whole, received.ToArray());
        }
    }

    [Fact]
    public async Task The_control_hooks_enqueue_faults_and_list_requests_only_when_enabled()
    {
        await using SimulatedTenant tenant = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 20, EnableTestControl = true });
        using var client = new SimulatorClient(tenant);
        using HttpResponseMessage enqueued = await client.Http.PostAsync("_test/faults", new StringContent("{\"target\":\"SiemApi\",\"statusCode\":503}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, enqueued.StatusCode);

        using HttpResponseMessage failed = await client.GetAlertsAsync("", await client.GetTokenAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        using JsonDocument log = JsonDocument.Parse(await client.Http.GetStringAsync("_test/requests"));
        Assert.Contains(log.RootElement.EnumerateArray(), entry => entry.GetProperty("path").GetString() == "/api/alerts" && entry.GetProperty("statusCode").GetInt32() == 503);

        await using SimulatedTenant plain = await SimulatedTenant.StartAsync(new SimulatorOptions { AlertCount = 20 });
        using var plainClient = new SimulatorClient(plain);
        using HttpResponseMessage refused = await plainClient.Http.PostAsync("_test/faults", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    private static async Task<HttpResponseMessage> GetGraphPageAsync(SimulatorClientScope scope, string token, HttpCompletionOption completion)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1.0/security/alerts_v2?$top=20&$orderby=id");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response = await scope.Client.Http.SendAsync(request, completion);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }
}
