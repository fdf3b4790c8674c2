using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Simulator;
using Xunit;

namespace MdeSiem.Tests.Simulator;

public sealed class WireFormatTests
{
    /// <summary>The field order of the response sample in the SIEM API documentation.</summary>
    private static readonly string[] DocumentedFields =
    [
        "AlertTime", "ComputerDnsName", "AlertTitle", "Category", "Severity", "AlertId", "Actor", "LinkToWDATP", "IocName",
        "IocValue", "CreatorIocName", "CreatorIocValue", "Sha1", "FileName", "FilePath", "IpAddress", "Url", "IoaDefinitionId",
        "UserName", "AlertPart", "FullId", "LastProcessedTimeUtc", "ThreatCategory", "ThreatFamily", "ThreatName",
        "RemediationAction", "RemediationIsSuccess", "Source", "Md5", "Sha256", "WasExecutingWhileDetected", "UserDomain",
        "LogOnUsers", "MachineDomain", "MachineName", "InternalIPv4List", "InternalIPv6List", "FileHash", "DeviceID",
        "MachineGroup", "Description", "DeviceCreatedMachineTags", "CloudCreatedMachineTags", "CommandLine",
        "IncidentLinkToWDATP", "ReportID", "LinkToMTP", "IncidentLinkToMTP", "ExternalId", "IocUniqueId",
    ];

    [Fact]
    public async Task Response_is_chunked_UTF8_JSON_with_the_documented_fields_in_order()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock);

        using HttpResponseMessage response = await scope.Client.GetAlertsAsync("?limit=50", await scope.Client.GetTokenAsync());

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.True(response.Headers.TransferEncodingChunked);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(50, body.RootElement.GetArrayLength());
        Assert.All(body.RootElement.EnumerateArray(), record => Assert.Equal(DocumentedFields, record.EnumerateObject().Select(field => field.Name)));
    }

    [Fact]
    public async Task Every_field_of_every_record_carries_the_generator_s_value()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock, alertCount: 400);
        DateTime since = clock.UtcNow.AddHours(-6);

        using HttpResponseMessage response = await scope.Client.GetAlertsAsync("?sinceTimeUtc=" + SimulatorClient.Time(since), await scope.Client.GetTokenAsync());

        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        SiemRecord[] expected = Expected.Between(scope.Tenant.Generator, since, clock.UtcNow).ToArray();
        Assert.Equal(400, expected.Length);
        foreach ((JsonElement actual, SiemRecord record) in body.RootElement.EnumerateArray().Zip(expected))
        {
            foreach (PropertyInfo property in typeof(SiemRecord).GetProperties())
            {
                AssertFieldEqual(property.GetValue(record), actual.GetProperty(property.Name), property.Name);
            }
        }
    }

    [Fact]
    public async Task Timestamps_are_round_trip_UTC_with_trailing_zeros_trimmed()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock, alertCount: 300);

        using HttpResponseMessage response = await scope.Client.GetAlertsAsync("?ago=PT6H", await scope.Client.GetTokenAsync());

        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        foreach (JsonElement record in body.RootElement.EnumerateArray())
        {
            foreach (string name in new[] { "AlertTime", "LastProcessedTimeUtc" })
            {
                string text = record.GetProperty(name).GetString()!;
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{0,6}[1-9])?Z$", text);
            }
        }
    }

    [Fact]
    public async Task Special_characters_are_escaped_only_where_JSON_requires()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock, alertCount: 1000);

        using HttpResponseMessage response = await scope.Client.GetAlertsAsync("?ago=PT6H", await scope.Client.GetTokenAsync());

        string raw = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"UserName\":\"jürgen.müller\"", raw, StringComparison.Ordinal);
        Assert.Contains("&source=SIEM", raw, StringComparison.Ordinal);
        Assert.Contains("C:\\\\Windows\\\\System32", raw, StringComparison.Ordinal);
        Assert.Contains("\\\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_file_is_byte_identical_to_the_API_response_for_the_whole_range()
    {
        ManualClock clock = ManualClock.AtFixedTime();
        await using SimulatorClientScope scope = await SimulatorClientScope.StartAsync(clock, alertCount: 1500);
        string path = Path.Combine(Path.GetTempPath(), $"mdesiem-alerts-{Guid.NewGuid():N}.json");
        try
        {
            scope.Tenant.WriteAlertsFile(path);
            using HttpResponseMessage response = await scope.Client.GetAlertsAsync(
                "?sinceTimeUtc=" + SimulatorClient.Time(scope.Tenant.Generator.StartTimeUtc), await scope.Client.GetTokenAsync());

            byte[] fromApi = await response.Content.ReadAsByteArrayAsync();
            byte[] fromFile = await File.ReadAllBytesAsync(path);
            Assert.Equal(fromFile, fromApi);
            using JsonDocument file = JsonDocument.Parse(fromFile);
            Assert.Equal(1500, file.RootElement.GetArrayLength());
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertFieldEqual(object? expected, JsonElement actual, string name)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual.ValueKind == JsonValueKind.Null, $"{name} should be null");
                break;
            case string text:
                Assert.Equal(text, actual.GetString());
                break;
            case DateTime time:
                Assert.Equal(time, DateTime.Parse(actual.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal));
                break;
            case bool flag:
                Assert.Equal(flag, actual.GetBoolean());
                break;
            case int number:
                Assert.Equal(number, actual.GetInt32());
                break;
            case long number:
                Assert.Equal(number, actual.GetInt64());
                break;
            default:
                Assert.Fail($"Unexpected type for {name}");
                break;
        }
    }
}
