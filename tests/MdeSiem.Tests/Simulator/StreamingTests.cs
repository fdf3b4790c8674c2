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

public sealed class StreamingTests
{
    [Fact]
    public async Task First_records_of_a_100k_response_arrive_while_the_server_is_still_writing()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock, alertCount: 100_000);
        SiemAlertGenerator generator = scope.Tenant.Generator;

        using HttpResponseMessage response = await scope.Client.GetAlertsAsync(
            "?sinceTimeUtc=" + SimulatorClient.Time(generator.StartTimeUtc), await scope.Client.GetTokenAsync(), HttpCompletionOption.ResponseHeadersRead);
        Stream body = await response.Content.ReadAsStreamAsync();
        await using IAsyncEnumerator<JsonElement> records = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body).GetAsyncEnumerator();

        Assert.True(await records.MoveNextAsync());

        // A request is logged when its response completes; ~200 MB cannot fit in socket buffers, so at this point the
        // server must still be producing the body.
        Assert.DoesNotContain(scope.Tenant.Requests, request => request.Path == "/api/alerts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        Assert.Equal(generator.GetRecord(0).FullId, records.Current.GetProperty("FullId").GetString());

        long count = 1;
        string? lastFullId = null;
        while (await records.MoveNextAsync())
        {
            count++;
            lastFullId = records.Current.GetProperty("FullId").GetString();
        }

        Assert.Equal(100_000, count);
        Assert.Equal(generator.GetRecord(99_999).FullId, lastFullId);
    }

    [Fact]
    public async Task Client_that_stops_reading_early_does_not_break_the_server()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock, alertCount: 50_000);
        string token = await scope.Client.GetTokenAsync();

        using (HttpResponseMessage abandoned = await scope.Client.GetAlertsAsync("?ago=PT6H", token, HttpCompletionOption.ResponseHeadersRead))
        {
            Stream body = await abandoned.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[4096]);
        }

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?limit=5");
        Assert.Equal(Expected.FullIds(Enumerable.Range(49_995, 5).Select(index => scope.Tenant.Generator.GetRecord(index))), fullIds);
    }
}
