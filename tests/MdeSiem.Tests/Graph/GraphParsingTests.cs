using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.OData;
using MdeSiem.Tests.Core;
using Xunit;

namespace MdeSiem.Tests.Graph;

/// <summary>Parsing a hand-written Graph page shaped like the documented alerts_v2 response.</summary>
public sealed class GraphParsingTests
{
    private static byte[] Fixture() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Graph", "Fixtures", "graph-alerts-page.json"));

    private static async Task<(List<DefenderAlert> Items, string? NextLink)> ReadFixtureAsync(int chunkSize = 4096, byte[]? bytes = null)
    {
        var links = new ODataPageLinks();
        var items = new List<DefenderAlert>();
        await foreach (var alert in ODataPageStreamReader.ReadAsync(new ChunkedStream(bytes ?? Fixture(), chunkSize), GraphObjectBinder.Bind<DefenderAlert>, links))
        {
            items.Add(alert);
        }

        return (items, links.NextLink);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100_000)]
    public async Task A_page_streams_to_the_same_alerts_whatever_the_chunk_size(int chunkSize)
    {
        var page = await ReadFixtureAsync(chunkSize);

        Assert.Equal("da637551227677560813_-961444813", Assert.Single(page.Items).Id);
        Assert.Equal(9, page.Items[0].Evidence.Count);
        Assert.Equal("https://graph.microsoft.com/v1.0/security/alerts_v2?$skiptoken=1", page.NextLink);
    }

    [Fact]
    public async Task A_page_cut_short_is_an_incomplete_response()
    {
        var bytes = Fixture();

        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ReadFixtureAsync(bytes: bytes.Take(bytes.Length / 2).ToArray()));

        Assert.Equal(ErrorCode.IncompleteResponse, failure.Code);
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_inside_a_value_are_an_invalid_response()
    {
        var prefix = Encoding.UTF8.GetBytes("{\"value\":[{\"id\":\"a1\",\"title\":\"");
        var suffix = Encoding.UTF8.GetBytes("\"}]}");
        var body = prefix.Concat(new byte[] { 0xB3 }).Concat(suffix).ToArray();

        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ReadFixtureAsync(bytes: body));

        Assert.Equal(ErrorCode.InvalidResponse, failure.Code);
    }

    [Fact]
    public async Task A_response_without_a_value_array_is_an_invalid_response()
    {
        var failure = await Assert.ThrowsAsync<MdeSiemException>(() => ReadFixtureAsync(bytes: Encoding.UTF8.GetBytes("{\"error\":{\"code\":\"x\"}}")));

        Assert.Equal(ErrorCode.InvalidResponse, failure.Code);
    }

    [Fact]
    public async Task Alert_properties_are_read_and_times_are_UTC()
    {
        var page = await ReadFixtureAsync();

        var alert = Assert.Single(page.Items);
        Assert.Equal("https://graph.microsoft.com/v1.0/security/alerts_v2?$skiptoken=1", page.NextLink);
        Assert.Equal("da637551227677560813_-961444813", alert.Id);
        Assert.Equal("28282", alert.IncidentId);
        Assert.Equal(AlertSeverity.Low, alert.Severity);
        Assert.Equal(ServiceSource.MicrosoftDefenderForEndpoint, alert.ServiceSource);
        Assert.Equal(DetectionSource.Antivirus, alert.DetectionSource);
        Assert.Equal("e0da400f-affd-43ef-b1d5-afc2eb6f2756", alert.DetectorId);
        Assert.Equal(new[] { "T1564.001" }, alert.MitreTechniques);
        Assert.Equal(new[] { "Defender Experts" }, alert.SystemTags);
        Assert.Equal(new DateTime(2021, 4, 27, 12, 52, 47, DateTimeKind.Utc).AddTicks(6666667), alert.CreatedDateTime);
        Assert.Equal(DateTimeKind.Utc, alert.CreatedDateTime!.Value.Kind);
        Assert.Null(alert.ResolvedDateTime);
        var comment = Assert.Single(alert.Comments);
        Assert.Equal("test comment", comment.Comment);
        Assert.Equal(new DateTime(2021, 5, 2, 12, 19, 1, DateTimeKind.Utc), comment.CreatedDateTime);
        Assert.Equal("customValue", alert.AdditionalData["customKey"]);
        Assert.Equal(3L, alert.AdditionalData["count"]);
    }

    [Fact]
    public async Task An_enum_value_this_version_does_not_know_is_kept_as_text()
    {
        var alert = Assert.Single((await ReadFixtureAsync()).Items);

        Assert.Equal("someStatusAddedLater", alert.StatusValue);
        Assert.Equal(AlertStatus.UnknownFutureValue, alert.Status);
    }

    [Fact]
    public async Task A_property_this_version_does_not_model_is_kept()
    {
        var alert = Assert.Single((await ReadFixtureAsync()).Items);

        Assert.Equal("{\"nested\": 1}", alert.AdditionalProperties["aNewTopLevelProperty"]);
    }

    [Fact]
    public async Task Evidence_becomes_the_class_its_odata_type_names()
    {
        var evidence = Assert.Single((await ReadFixtureAsync()).Items).Evidence;

        Assert.Equal(
            new[]
            {
                typeof(DeviceEvidence), typeof(FileEvidence), typeof(ProcessEvidence), typeof(IpEvidence), typeof(UrlEvidence),
                typeof(UserEvidence), typeof(MailboxEvidence), typeof(RegistryValueEvidence), typeof(GenericEvidence),
            },
            evidence.Select(item => item.GetType()));
        var device = (DeviceEvidence)evidence[0];
        Assert.Equal("tempdev", device.DeviceDnsName);
        Assert.Equal(22424L, device.OsBuild);
        Assert.Equal(75L, device.RbacGroupId);
        Assert.Equal("MsNulli", Assert.Single(device.LoggedOnUsers).AccountName);
        Assert.Equal(new[] { "Test Machine" }, device.Tags);
        Assert.Equal(new[] { "PrimaryDevice" }, device.DetailedRoles);
        var file = (FileEvidence)evidence[1];
        Assert.Equal("MsSense.exe", file.FileDetails!.FileName);
        Assert.Equal(6136392L, file.FileDetails.FileSize);
        Assert.Equal("remediated", file.RemediationStatusValue);
        var process = (ProcessEvidence)evidence[2];
        Assert.Equal(4780L, process.ProcessId);
        Assert.Equal("SYSTEM", process.UserAccount!.AccountName);
        Assert.Equal("5f1e8acedc065031aad553b710838eb366cfee9a", process.ImageFile!.Sha1);
        Assert.Equal("203.0.113.7", ((IpEvidence)evidence[3]).IpAddress);
        Assert.Equal("http://example.invalid/x", ((UrlEvidence)evidence[4]).Url);
        Assert.Equal("jdoe", ((UserEvidence)evidence[5]).UserAccount!.AccountName);
        Assert.Equal("jdoe@contoso.com", ((MailboxEvidence)evidence[6]).PrimaryAddress);
        Assert.Equal("SOFTWARE\\Run", ((RegistryValueEvidence)evidence[7]).RegistryKey);
    }

    [Fact]
    public async Task Evidence_of_an_unknown_type_survives_with_its_raw_JSON()
    {
        var unknown = Assert.IsType<GenericEvidence>(Assert.Single((await ReadFixtureAsync()).Items).Evidence.Last());

        // A type the v1.0 metadata does not have (every type it has is modelled).
        Assert.Equal("#microsoft.graph.security.holographicEvidence", unknown.OdataType);
        Assert.Equal("holographicEvidence", unknown.Kind);
        Assert.Equal("suspicious", unknown.VerdictValue);
        Assert.Equal("pod-1", unknown.AdditionalProperties["name"]);
        Assert.Contains("\"labels\": {\"app\": \"web\"}", unknown.RawJson, StringComparison.Ordinal);
    }
}
