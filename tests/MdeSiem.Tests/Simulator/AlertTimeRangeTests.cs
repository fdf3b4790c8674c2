using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class AlertTimeRangeTests
{
    [Fact]
    public async Task No_time_parameter_returns_the_last_two_hours()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(clock);
        using var client = new SimulatorClient(tenant);

        IReadOnlyList<string> fullIds = await client.GetFullIdsAsync("");

        IReadOnlyList<SiemRecord> expected = Expected.Between(tenant.Generator, clock.UtcNow.AddHours(-2), clock.UtcNow);
        Assert.InRange(expected.Count, 500, 800);
        Assert.Equal(Expected.FullIds(expected), fullIds);
    }

    [Fact]
    public async Task Since_alone_returns_records_from_since_until_now()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(clock);
        using var client = new SimulatorClient(tenant);
        DateTime since = clock.UtcNow.AddHours(-3.5);

        IReadOnlyList<string> fullIds = await client.GetFullIdsAsync("?sinceTimeUtc=" + SimulatorClient.Time(since));

        Assert.Equal(Expected.FullIds(Expected.Between(tenant.Generator, since, clock.UtcNow)), fullIds);
    }

    [Fact]
    public async Task Since_and_until_bound_the_range()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatedTenant tenant = await TenantStarter.StartAsync(clock);
        using var client = new SimulatorClient(tenant);
        DateTime since = clock.UtcNow.AddHours(-5);
        DateTime until = clock.UtcNow.AddHours(-4).AddMinutes(-17);

        IReadOnlyList<string> fullIds = await client.GetFullIdsAsync($"?sinceTimeUtc={SimulatorClient.Time(since)}&untilTimeUtc={SimulatorClient.Time(until)}");

        IReadOnlyList<SiemRecord> expected = Expected.Between(tenant.Generator, since, until);
        Assert.NotEmpty(expected);
        Assert.Equal(Expected.FullIds(expected), fullIds);
    }

    [Fact]
    public async Task Since_without_a_zone_in_the_documented_format_means_UTC()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        DateTime since = clock.UtcNow.AddHours(-1);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync(
            "?sinceTimeUtc=" + since.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture));

        Assert.Equal(Expected.FullIds(Expected.Between(scope.Tenant.Generator, since, clock.UtcNow)), fullIds);
    }

    [Fact]
    public async Task Since_with_an_offset_is_converted_to_UTC()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        DateTime since = clock.UtcNow.AddHours(-1);
        string withOffset = new DateTimeOffset(since).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?sinceTimeUtc=" + Uri.EscapeDataString(withOffset));

        Assert.Equal(Expected.FullIds(Expected.Between(scope.Tenant.Generator, since, clock.UtcNow)), fullIds);
    }

    [Theory]
    [InlineData("PT10M", 10)]
    [InlineData("PT1H30M", 90)]
    [InlineData("P0DT3H", 180)]
    public async Task Ago_returns_the_last_duration(string ago, int minutes)
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?ago=" + ago);

        Assert.Equal(Expected.FullIds(Expected.Between(scope.Tenant.Generator, clock.UtcNow.AddMinutes(-minutes), clock.UtcNow)), fullIds);
    }

    [Theory]
    [InlineData("?ago=PT10M&sinceTimeUtc=2026-03-14T10:00:00Z")]
    [InlineData("?ago=PT10M&untilTimeUtc=2026-03-14T10:00:00Z")]
    [InlineData("?sinceTimeUtc=yesterday")]
    [InlineData("?untilTimeUtc=2026-13-45")]
    [InlineData("?ago=10 minutes")]
    [InlineData("?ago=-PT10M")]
    [InlineData("?limit=ten")]
    [InlineData("?limit=0")]
    [InlineData("?limit=-5")]
    [InlineData("?sinceTimeUtc=2026-03-14T10:00:00Z&sinceTimeUtc=2026-03-14T11:00:00Z")]
    [InlineData("?sinceTimeUtc=2026-03-14T12:00:00Z&untilTimeUtc=2026-03-14T11:00:00Z")]
    public async Task Invalid_parameters_are_400_with_a_JSON_error(string query)
    {
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(ManualClock.AtFixedTime());

        using HttpResponseMessage response = await scope.Client.GetAlertsAsync(query, await scope.Client.GetTokenAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("BadRequest", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("error").GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Since_is_inclusive_and_until_is_exclusive()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        SiemAlertGenerator generator = scope.Tenant.Generator;
        long first = FirstIndexNotTiedToPrevious(generator, from: 700);
        long last = FirstIndexNotTiedToPrevious(generator, from: 760);
        DateTime since = generator.GetRecord(first).LastProcessedTimeUtc;
        DateTime until = generator.GetRecord(last).LastProcessedTimeUtc;

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync(
            $"?sinceTimeUtc={SimulatorClient.Time(since)}&untilTimeUtc={SimulatorClient.Time(until)}");

        Assert.Equal(generator.GetRecord(first).FullId, fullIds[0]);
        Assert.Equal(generator.GetRecord(last - 1).FullId, fullIds[^1]);
        Assert.Equal((int)(last - first), fullIds.Count);
    }

    [Fact]
    public async Task Since_equal_to_a_shared_timestamp_returns_every_record_with_that_timestamp()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        SiemAlertGenerator generator = scope.Tenant.Generator;
        long tieStart = FirstIndexNotTiedToPrevious(generator, from: 1);
        while (generator.GetRecord(tieStart + 1).LastProcessedTimeUtc != generator.GetRecord(tieStart).LastProcessedTimeUtc)
        {
            tieStart = FirstIndexNotTiedToPrevious(generator, tieStart + 1);
        }

        DateTime shared = generator.GetRecord(tieStart).LastProcessedTimeUtc;

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync(
            "?sinceTimeUtc=" + SimulatorClient.Time(shared) + "&untilTimeUtc=" + SimulatorClient.Time(shared.AddTicks(1)));

        IReadOnlyList<SiemRecord> expected = Expected.Between(generator, shared, shared.AddTicks(1));
        Assert.True(expected.Count >= 2);
        Assert.Equal(Expected.FullIds(expected), fullIds);
    }

    [Fact]
    public async Task Parameter_names_are_case_insensitive_and_a_trailing_slash_is_accepted()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);
        DateTime since = clock.UtcNow.AddHours(-1);
        using HttpResponseMessage response = await scope.Client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/alerts/?SINCETIMEUTC=" + SimulatorClient.Time(since))
        {
            Headers = { Authorization = new("Bearer", await scope.Client.GetTokenAsync()) },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Expected.Between(scope.Tenant.Generator, since, clock.UtcNow).Count, body.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Records_with_future_times_appear_as_the_clock_reaches_them()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatedTenant tenant = await SimulatedTenant.StartAsync(new SimulatorOptions
        {
            AlertCount = 600,
            Clock = clock,
            EndTimeUtc = clock.UtcNow.AddHours(1),
        });
        using var client = new SimulatorClient(tenant);
        string query = "?sinceTimeUtc=" + SimulatorClient.Time(clock.UtcNow.AddHours(-6)) + "&untilTimeUtc=" + SimulatorClient.Time(clock.UtcNow.AddHours(2));

        IReadOnlyList<string> now = await client.GetFullIdsAsync(query);
        clock.Advance(TimeSpan.FromMinutes(30));
        IReadOnlyList<string> later = await client.GetFullIdsAsync(query);

        Assert.Equal(Expected.FullIds(Expected.Between(tenant.Generator, clock.UtcNow.AddHours(-6.5), clock.UtcNow.AddMinutes(-30))), now);
        Assert.Equal(Expected.FullIds(Expected.Between(tenant.Generator, clock.UtcNow.AddHours(-6.5), clock.UtcNow)), later);
        Assert.True(later.Count > now.Count);
    }

    [Fact]
    public async Task Tenant_without_records_returns_an_empty_array()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock, alertCount: 0);

        IReadOnlyList<string> fullIds = await scope.Client.GetFullIdsAsync("?limit=10&ago=PT24H");

        Assert.Empty(fullIds);
    }

    private static long FirstIndexNotTiedToPrevious(SiemAlertGenerator generator, long from)
    {
        long index = from;
        while (generator.GetRecord(index - 1).LastProcessedTimeUtc == generator.GetRecord(index).LastProcessedTimeUtc)
        {
            index++;
        }

        return index;
    }
}
