using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Forwarding;
using Xunit;

namespace MdeSiem.Tests.Forwarding;

/// <summary>CEF lines parse back, field by field, with a reader written from the CEF standard.</summary>
public sealed class CefFormatterTests
{
    private static string? FirstText(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v));

    [Fact]
    public async Task Simulator_records_parse_back_field_by_field_with_the_ArcSight_mapping()
    {
        var pairs = await ForwardingRecords.GeneratedAsync(300);
        Assert.Equal(300, pairs.Count);
        foreach (var (record, alert) in pairs)
        {
            var line = CefFormatter.Format(ForwardingRecords.FieldsOf(alert));
            var parsed = CefSpecParser.Parse(line);

            Assert.Equal(new[] { "0", "Microsoft", "Microsoft Defender ATP", "2.0" }, parsed.Header.Take(4));
            Assert.Equal(FirstText(record.IoaDefinitionId, record.ThreatName, record.Category) ?? "detection", parsed.Header[4]);
            Assert.Equal(record.AlertTitle ?? string.Empty, parsed.Header[5]);
            Assert.Equal(ExpectedArcSight.Severity(record.Severity), parsed.Header[6]);
            Assert.Equal(ExpectedArcSight.Extensions(record), parsed.ExtensionMap());
        }
    }

    [Fact]
    public void Values_full_of_pipes_equals_backslashes_and_line_breaks_survive()
    {
        var alert = ForwardingRecords.Awkward();
        var line = CefFormatter.Format(ForwardingRecords.FieldsOf(alert));
        var parsed = CefSpecParser.Parse(line);

        Assert.Equal("ioa|def\\", parsed.Header[4]);
        // CEF has no escape for a line break in the header: each becomes a space.
        Assert.Equal("Pipe | backslash \\ equals = and  CRLF \\| \\=", parsed.Header[5]);
        Assert.Equal("5", parsed.Header[6]);
        var extensions = parsed.ExtensionMap();
        Assert.Equal(ExpectedArcSight.Extensions(alert), extensions);
        Assert.Equal("Trojan:Win32/Bad=|\\\n", extensions["cs1"]);
        Assert.Equal("actor  with   spaces= key=value", extensions["cs4"]);
    }

    [Fact]
    public void Escaping_is_exactly_the_standard_s()
    {
        Assert.Equal("a\\|b\\\\c", CefFormatter.EscapeHeader("a|b\\c"));
        Assert.Equal("a|b\\\\c\\=d\\ne\\rf", CefFormatter.EscapeExtensionValue("a|b\\c=d\ne\rf"));
    }

    [Fact]
    public void Field_map_replaces_and_adds_keys_and_drops_empty_ones()
    {
        var alert = ForwardingRecords.Awkward();
        var overrides = new FieldOverrides()
            .Add("cs1", "override=|")
            .Add("shost", null)
            .Add("cs3", "added\\")
            .Add("cs3Label", "Extra");
        var parsed = CefSpecParser.Parse(CefFormatter.Format(ForwardingRecords.FieldsOf(alert), overrides)).ExtensionMap();

        Assert.Equal("override=|", parsed["cs1"]);
        Assert.Equal("ThreatName", parsed["cs1Label"]);
        Assert.False(parsed.ContainsKey("shost"));
        Assert.Equal("added\\", parsed["cs3"]);
        Assert.Equal("Extra", parsed["cs3Label"]);
    }

    [Fact]
    public void A_key_that_CEF_cannot_carry_is_refused()
    {
        var error = Assert.Throws<MdeSiemException>(() => new FieldOverrides().Add("bad key", "x"));
        Assert.Equal("MdeSiem.InvalidArgument", error.ErrorId);
    }

    [Fact]
    public void Plain_objects_whose_values_are_all_strings_format_like_typed_alerts()
    {
        var alert = ForwardingRecords.Awkward();
        var typed = CefFormatter.Format(ForwardingRecords.FieldsOf(alert));

        // What Import-Csv gives back: every value a string, times in the CSV's round-trip text.
        var strings = new FieldSource();
        foreach (var field in ForwardingRecords.FieldsOf(alert).Fields)
        {
            strings.Add(field.Key, field.Value switch
            {
                null => string.Empty,
                System.DateTime time => time.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                bool flag => flag ? "True" : "False",
                _ => System.Convert.ToString(field.Value, System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        Assert.Equal(typed, CefFormatter.Format(strings));
    }

    [Fact]
    public void Graph_alerts_use_the_Defender_XDR_product_and_Graph_names()
    {
        var graph = new FieldSource()
            .Add("id", "da638|1")
            .Add("title", "Suspicious = PowerShell")
            .Add("severity", "high")
            .Add("category", "Execution")
            .Add("createdDateTime", new System.DateTimeOffset(2026, 1, 2, 3, 4, 5, System.TimeSpan.Zero))
            .Add("alertWebUrl", "https://security.microsoft.com/alerts/da638?tid=1")
            .Add("threatDisplayName", "Mimikatz")
            .Add("detectorId", "det-1")
            .Add("evidence", new List<object?> { new FieldSource().Add("@odata.type", "#microsoft.graph.security.deviceEvidence") });
        var parsed = CefSpecParser.Parse(CefFormatter.Format(graph));

        Assert.Equal(new[] { "0", "Microsoft", "Microsoft Defender XDR", "2.0", "det-1", "Suspicious = PowerShell", "8" }, parsed.Header);
        var extensions = parsed.ExtensionMap();
        Assert.Equal("da638|1", extensions["externalId"]);
        Assert.Equal("Execution", extensions["cat"]);
        Assert.Equal("1767323045000", extensions["rt"]);
        Assert.Equal("https://security.microsoft.com/alerts/da638?tid=1", extensions["flexString1"]);
        Assert.Equal("Mimikatz", extensions["cs1"]);
    }
}
