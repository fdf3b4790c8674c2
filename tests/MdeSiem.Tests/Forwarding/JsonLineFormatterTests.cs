using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Core.Forwarding;
using Xunit;

namespace MdeSiem.Tests.Forwarding;

/// <summary>JSON lines round-trip through System.Text.Json: one object per line, the record's order, UTC times.</summary>
public sealed class JsonLineFormatterTests
{
    [Fact]
    public async Task Simulator_records_round_trip_in_their_own_order()
    {
        foreach (var (record, alert) in await ForwardingRecords.GeneratedAsync(200))
        {
            var fields = ForwardingRecords.FieldsOf(alert);
            var line = JsonLineFormatter.Format(fields);
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);

            using var document = JsonDocument.Parse(line);
            var properties = document.RootElement.EnumerateObject().ToList();
            Assert.Equal(fields.Fields.Select(f => f.Key), properties.Select(p => p.Name));
            Assert.Equal(record.FullId, document.RootElement.GetProperty("FullId").GetString());
            Assert.Equal(record.AlertPart, document.RootElement.GetProperty("AlertPart").GetInt32());
            var time = document.RootElement.GetProperty("AlertTime").GetString()!;
            Assert.EndsWith("Z", time, StringComparison.Ordinal);
            Assert.Equal(record.AlertTime, DateTime.Parse(time, null, System.Globalization.DateTimeStyles.RoundtripKind));
            Assert.Equal(DateTimeKind.Utc, DateTime.Parse(time, null, System.Globalization.DateTimeStyles.RoundtripKind).Kind);
            Assert.Equal(string.IsNullOrEmpty(record.Url) ? null : record.Url, document.RootElement.GetProperty("Url").GetString());
            if (record.RemediationIsSuccess is { } flag)
            {
                Assert.Equal(flag, document.RootElement.GetProperty("RemediationIsSuccess").GetBoolean());
            }
        }
    }

    [Fact]
    public void Awkward_values_nested_objects_and_local_times_round_trip()
    {
        var local = new DateTime(2026, 5, 6, 7, 8, 9, DateTimeKind.Local);
        var source = new FieldSource()
            .Add("z", "line1\nline2\r\"quoted\" \\ | = \u00e9")
            .Add("a", 42L)
            .Add("when", local)
            .Add("offset", new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(1)))
            .Add("flag", true)
            .Add("missing", null)
            .Add("evidence", new List<object?> { new FieldSource().Add("kind", "device").Add("n", 1), "text" });
        var line = JsonLineFormatter.Format(source);
        Assert.DoesNotContain('\n', line);

        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        Assert.Equal(new[] { "z", "a", "when", "offset", "flag", "missing", "evidence" }, root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("line1\nline2\r\"quoted\" \\ | = \u00e9", root.GetProperty("z").GetString());
        Assert.Equal(42, root.GetProperty("a").GetInt64());
        Assert.Equal(local.ToUniversalTime(), root.GetProperty("when").GetDateTime().ToUniversalTime());
        Assert.EndsWith("Z", root.GetProperty("when").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-01-01T00:00:00Z", root.GetProperty("offset").GetString());
        Assert.True(root.GetProperty("flag").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("missing").ValueKind);
        Assert.Equal("device", root.GetProperty("evidence")[0].GetProperty("kind").GetString());
        Assert.Equal("text", root.GetProperty("evidence")[1].GetString());
    }
}
