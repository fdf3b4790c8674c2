using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Forwarding;
using MdeSiem.Core.Siem;
using Xunit;

namespace MdeSiem.Tests.Forwarding;

/// <summary>LEEF 2.0 events parse back, attribute by attribute, with a reader written from the LEEF spec.</summary>
public sealed class LeefFormatterTests
{
    /// <summary>The attributes expected of a SIEM record, from the documented LEEF mapping (not the module's).</summary>
    private static Dictionary<string, string> Expected(MdeSiemAlert a)
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                expected[key] = value;
            }
        }

        if (a.AlertTime is { } time)
        {
            Put("devTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSX");
            Put("devTime", time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "Z");
        }

        Put("cat", a.Category);
        if (a.Category is not null)
        {
            Put("sev", Math.Max(1, int.Parse(ExpectedArcSight.Severity(a.Severity), CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
        }

        Put("externalId", a.AlertId);
        Put("severity", a.Severity);
        Put("title", a.AlertTitle);
        Put("identHostName", a.MachineName ?? a.ComputerDnsName);
        Put("src", a.IpAddress);
        Put("url", a.Url);
        Put("usrName", a.UserName);
        Put("domain", a.UserDomain);
        Put("detectionSource", a.Source);
        Put("fileName", a.FileName);
        Put("filePath", a.FilePath);
        Put("sha1", a.Sha1);
        Put("md5", a.Md5);
        Put("sha256", a.Sha256);
        Put("threatName", a.ThreatName);
        Put("actor", a.Actor);
        Put("link", a.LinkToWDATP);
        return expected;
    }

    [Fact]
    public async Task Simulator_records_parse_back_with_the_default_tab_delimiter()
    {
        foreach (var (record, alert) in await ForwardingRecords.GeneratedAsync(200))
        {
            var line = LeefFormatter.Format(ForwardingRecords.FieldsOf(alert));
            Assert.StartsWith("LEEF:2.0|Microsoft|Microsoft Defender ATP|2.0|", line, StringComparison.Ordinal);
            var parsed = LeefSpecParser.Parse(line);

            Assert.Equal('\t', parsed.Delimiter);
            Assert.Equal(new[] { record.IoaDefinitionId, record.ThreatName, record.Category }.FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? "detection", parsed.Header[3]);
            Assert.Equal(Expected(alert), parsed.AttributeMap());
            Assert.Equal(record.AlertId, parsed.AttributeMap()["externalId"]);
        }
    }

    [Theory]
    [InlineData('\t', "x09")]
    [InlineData('^', "^")]
    [InlineData(';', ";")]
    [InlineData(' ', "x20")]
    public void Awkward_values_survive_any_delimiter(char delimiter, string headerField)
    {
        var alert = ForwardingRecords.Awkward();
        alert.Description = "a" + delimiter + "b";
        var line = LeefFormatter.Format(ForwardingRecords.FieldsOf(alert), delimiter, new FieldOverrides().Add("note", alert.Description));
        Assert.Contains("|" + headerField + "|", line, StringComparison.Ordinal);

        var parsed = LeefSpecParser.Parse(line);
        Assert.Equal(delimiter, parsed.Delimiter);
        Assert.Equal("ioa|def\\", parsed.Header[3]);
        var expected = Expected(alert);
        expected["note"] = "a" + delimiter + "b";
        Assert.Equal(expected, parsed.AttributeMap());
    }

    [Fact]
    public void A_delimiter_that_would_break_keys_is_refused()
    {
        var error = Assert.Throws<MdeSiemException>(() => LeefFormatter.Format(new FieldSource(), '='));
        Assert.Equal("MdeSiem.InvalidArgument", error.ErrorId);
    }
}
