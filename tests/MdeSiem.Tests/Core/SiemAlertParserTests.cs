using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MdeSiem.Core.Json;
using MdeSiem.Core.Siem;
using Xunit;

namespace MdeSiem.Tests.Core;

public class SiemAlertParserTests
{
    private static async Task<List<MdeSiemAlert>> Parse(string json)
    {
        var alerts = new List<MdeSiemAlert>();
        await foreach (var alert in JsonArrayStreamReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), SiemAlertParser.Parse))
        {
            alerts.Add(alert);
        }

        return alerts;
    }

    [Fact]
    public async Task A_recurring_value_is_one_string_and_an_id_is_read_anew()
    {
        // Two records with the same severity, category and escaped path-like title, different ids: the recurring
        // values come out equal to what was sent and as one string; the ids as their own strings.
        var json = "[" + string.Join(",", new[] { "a1", "a2" }.Select(id =>
            $"{{\"Severity\":\"High\",\"Category\":\"Malware\",\"AlertTitle\":\"C:\\\\Temp \\\"x\\\"\",\"AlertId\":\"{id}\",\"Source\":\"\"}}")) + "]";
        var alerts = await Parse(json);

        Assert.Equal(2, alerts.Count);
        Assert.Equal("High", alerts[1].Severity);
        Assert.Equal("C:\\Temp \"x\"", alerts[1].AlertTitle);
        Assert.Null(alerts[1].Source);
        Assert.Same(alerts[0].Severity, alerts[1].Severity);
        Assert.Same(alerts[0].Category, alerts[1].Category);
        Assert.Same(alerts[0].AlertTitle, alerts[1].AlertTitle);
        Assert.Equal(new[] { "a1", "a2" }, alerts.Select(a => a.AlertId));
    }

    [Fact]
    public async Task The_documented_sample_reads_into_every_field()
    {
        // Expected values are copied by hand from the response sample of the SIEM API documentation.
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Core", "Fixtures", "siem-sample.json"));
        var alert = Assert.Single(await Parse(json));

        Assert.Equal(new DateTime(2020, 9, 30, 14, 9, 20, DateTimeKind.Utc).AddTicks(3574300), alert.AlertTime);
        Assert.Equal(DateTimeKind.Utc, alert.AlertTime!.Value.Kind);
        Assert.Equal("mymachine1.domain.com", alert.ComputerDnsName);
        Assert.Equal("Suspicious File Activity", alert.AlertTitle);
        Assert.Equal("Malware", alert.Category);
        Assert.Equal("High", alert.Severity);
        Assert.Equal("da637370718981685665_16349121", alert.AlertId);
        Assert.Null(alert.Actor);
        Assert.Equal("https://securitycenter.windows.com/alert/da637370718981685665_16349121", alert.LinkToWDATP);
        Assert.Equal("aabbccddee1122334455aabbccddee1122334455", alert.Sha1);
        Assert.Equal("cmdParent.exe", alert.FileName);
        Assert.Equal(@"C:\WINDOWS\SysWOW64\boo3\qwerty", alert.FilePath);
        Assert.Equal("b20af1d2-5990-4672-87f1-acc2a8ff7725", alert.IoaDefinitionId);
        Assert.Equal(0, alert.AlertPart);
        Assert.Equal("da637370718981685665_16349121:R4xEdgAvDb2LQl3BgHoA3NYqKmRSiIAG7dpxAJCYZhY=", alert.FullId);
        Assert.Equal(new DateTime(2020, 9, 30, 14, 11, 44, DateTimeKind.Utc).AddTicks(779765), alert.LastProcessedTimeUtc);
        Assert.Null(alert.RemediationIsSuccess);
        Assert.Equal("EDR", alert.Source);
        Assert.Equal("854b85cbff2752fcb88606bca76f83c6", alert.Md5);
        Assert.Null(alert.Sha256);
        Assert.Null(alert.WasExecutingWhileDetected);
        Assert.Equal("domain.com", alert.MachineDomain);
        Assert.Equal("mymachine1", alert.MachineName);
        Assert.Equal("deadbeef000040830ee54503926f556dcaf82bb0", alert.DeviceID);
        Assert.Equal("Test Alert", alert.Description);
        Assert.Equal(1053729833L, alert.ReportID);
        Assert.Equal("https://security.microsoft.com/alert/da637370718981685665_16349121", alert.LinkToMTP);
        Assert.Equal("31DD0A845DDA4059FDEDE031014645350AECABD3", alert.ExternalId);
        Assert.Equal("R4xEdgAvDb2LQl3BgHoA3NYqKmRSiIAG7dpxAJCYZhY=", alert.IocUniqueId);
        Assert.Empty(alert.GetAdditionalFields());
    }

    [Fact]
    public async Task Empty_strings_and_nulls_both_become_null()
    {
        var alerts = await Parse("[{\"Url\":\"\",\"Actor\":null,\"ThreatName\":\"Trojan:Win32/X\"}]");
        Assert.Null(alerts[0].Url);
        Assert.Null(alerts[0].Actor);
        Assert.Equal("Trojan:Win32/X", alerts[0].ThreatName);
    }

    [Fact]
    public async Task The_misspelled_field_of_older_payloads_fills_IoaDefinitionId()
    {
        var alerts = await Parse("[{\"IoaDefinitiondId\":\"7f1c\"}]");
        Assert.Equal("7f1c", alerts[0].IoaDefinitionId);
    }

    [Fact]
    public async Task Field_names_match_whatever_their_case()
    {
        var alerts = await Parse("[{\"alertid\":\"a1\",\"ALERTPART\":2}]");
        Assert.Equal("a1", alerts[0].AlertId);
        Assert.Equal(2, alerts[0].AlertPart);
    }

    [Fact]
    public async Task Unknown_fields_are_kept_with_their_values()
    {
        var alerts = await Parse("[{\"AlertId\":\"a1\",\"NewField\":\"v\",\"Count\":3,\"Nested\":{\"a\":[1,2]},\"Flag\":true}]");
        var extra = alerts[0].GetAdditionalFields();
        Assert.Equal("v", extra["NewField"]);
        Assert.Equal(3L, extra["Count"]);
        Assert.Equal("{\"a\":[1,2]}", extra["Nested"]);
        Assert.Equal(true, extra["Flag"]);
    }

    [Fact]
    public async Task Numbers_and_booleans_sent_as_strings_are_read_as_their_types()
    {
        var alerts = await Parse("[{\"AlertPart\":\"3\",\"ReportID\":\"42\",\"RemediationIsSuccess\":\"true\",\"WasExecutingWhileDetected\":false}]");
        Assert.Equal(3, alerts[0].AlertPart);
        Assert.Equal(42L, alerts[0].ReportID);
        Assert.True(alerts[0].RemediationIsSuccess);
        Assert.False(alerts[0].WasExecutingWhileDetected);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_kept_as_sent_instead_of_failing_the_pull()
    {
        var alerts = await Parse("[{\"AlertId\":\"a1\",\"ReportID\":\"not-a-number\"},{\"AlertId\":\"a2\"}]");
        Assert.Equal(2, alerts.Count);
        Assert.Null(alerts[0].ReportID);
        Assert.Equal("not-a-number", alerts[0].GetAdditionalFields()["ReportID"]);
    }

    [Theory]
    [InlineData("2020-09-30T14:09:20", 14)]
    [InlineData("2020-09-30T14:09:20Z", 14)]
    [InlineData("2020-09-30T16:09:20+02:00", 14)]
    [InlineData("2020-09-30T09:09:20-05:00", 14)]
    public async Task Times_are_UTC_whatever_offset_they_carry(string text, int expectedHour)
    {
        var alerts = await Parse($"[{{\"AlertTime\":\"{text}\"}}]");
        Assert.Equal(DateTimeKind.Utc, alerts[0].AlertTime!.Value.Kind);
        Assert.Equal(new DateTime(2020, 9, 30, expectedHour, 9, 20, DateTimeKind.Utc), alerts[0].AlertTime);
    }
}
