using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MdeSiem.Core.Errors;
using MdeSiem.Core.StreamingApi;
using Xunit;

namespace MdeSiem.Tests.StreamingApi;

public sealed class StreamingRecordParserTests
{
    // A hand-written record in the documented shape, with an envelope field and a column this module does not know.
    private const string AlertInfoLine =
        "{\"time\":\"2026-07-22T10:44:33.4250955Z\",\"tenantId\":\"t-1\",\"operationName\":\"Publish\"," +
        "\"category\":\"AdvancedHunting-AlertInfo\",\"_TimeReceivedBySvc\":\"2026-07-22T10:43:05.0000000\"," +
        "\"properties\":{\"Timestamp\":\"2026-07-22T10:43:05Z\",\"AlertId\":\"da123\",\"Title\":\"Suspicious PowerShell\"," +
        "\"Category\":\"Execution\",\"Severity\":\"High\",\"ServiceSource\":\"Microsoft Defender for Endpoint\"," +
        "\"DetectionSource\":\"EDR\",\"AttackTechniques\":\"[\\\"PowerShell (T1059.001)\\\"]\",\"NewColumn\":42}}";

    [Fact]
    public void An_AlertInfo_record_is_typed_with_its_envelope_and_keeps_unknown_fields()
    {
        var parsed = Assert.IsType<AlertInfoEvent>(Parse(AlertInfoLine, "DeviceEvents"));

        Assert.Equal("AlertInfo", parsed.Table);
        Assert.Equal(new DateTime(2026, 7, 22, 10, 44, 33, DateTimeKind.Utc).AddTicks(4250955), parsed.ReceivedTimeUtc);
        Assert.Equal(DateTimeKind.Utc, parsed.ReceivedTimeUtc!.Value.Kind);
        Assert.Equal("t-1", parsed.TenantId);
        Assert.Equal("Publish", parsed.OperationName);
        Assert.Equal(new DateTime(2026, 7, 22, 10, 43, 5, DateTimeKind.Utc), parsed.Timestamp);
        Assert.Equal("da123", parsed.AlertId);
        Assert.Equal("Execution", parsed.Category);
        Assert.Equal("High", parsed.Severity);
        Assert.Equal("EDR", parsed.DetectionSource);
        Assert.Equal("[\"PowerShell (T1059.001)\"]", parsed.AttackTechniques);
        Assert.Equal("blob", parsed.BlobName);
        var additional = parsed.GetAdditionalProperties().ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("2026-07-22T10:43:05.0000000", additional["_TimeReceivedBySvc"]);
        Assert.Equal(42L, additional["NewColumn"]);
    }

    [Fact]
    public void An_AlertEvidence_record_reads_numbers_and_keeps_nested_json_as_text()
    {
        var line = "{\"time\":\"2026-07-22T10:00:00Z\",\"category\":\"AdvancedHunting-AlertEvidence\",\"properties\":{" +
            "\"EntityType\":\"File\",\"FileSize\":\"1048576\",\"ApplicationId\":11161,\"SHA1\":\"abc\"," +
            "\"AdditionalFields\":{\"Host\":\"x\"}}}";

        var parsed = Assert.IsType<AlertEvidenceEvent>(Parse(line, "AlertEvidence"));

        Assert.Equal("File", parsed.EntityType);
        Assert.Equal(1048576L, parsed.FileSize);
        Assert.Equal(11161, parsed.ApplicationId);
        Assert.Equal("abc", parsed.SHA1);
        Assert.Equal("{\"Host\":\"x\"}", parsed.AdditionalFields);
        Assert.Empty(parsed.GetAdditionalProperties());
    }

    [Fact]
    public void Other_tables_keep_every_column_in_order_with_nested_values()
    {
        var line = "{\"time\":\"2026-07-22T10:00:00Z\",\"properties\":{\"Timestamp\":\"2026-07-22T09:59:00Z\",\"ActionType\":\"AntivirusDetection\"," +
            "\"ReportId\":7,\"Score\":0.5,\"Flag\":true,\"Nothing\":null,\"Nested\":{\"A\":[1,\"two\"]}}}";

        var parsed = Parse(line, "DeviceEvents");

        Assert.Equal(typeof(StreamingEvent), parsed.GetType());
        Assert.Equal("DeviceEvents", parsed.Table);
        var columns = parsed.GetAdditionalProperties();
        Assert.Equal(new[] { "Timestamp", "ActionType", "ReportId", "Score", "Flag", "Nothing", "Nested" }, columns.Select(c => c.Key));
        Assert.Equal(7L, columns[2].Value);
        Assert.Equal(0.5, columns[3].Value);
        Assert.Equal(true, columns[4].Value);
        Assert.Null(columns[5].Value);
        var nested = Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(columns[6].Value);
        Assert.Equal(new object?[] { 1L, "two" }, Assert.IsType<object?[]>(nested.Single().Value));
    }

    [Fact]
    public void A_category_after_the_properties_still_types_the_record_and_keeps_the_same_fields()
    {
        // The same record as AlertInfoLine with its envelope fields in another order: JSON objects are unordered.
        var reordered =
            "{\"properties\":{\"Timestamp\":\"2026-07-22T10:43:05Z\",\"AlertId\":\"da123\",\"Title\":\"Suspicious PowerShell\"," +
            "\"Category\":\"Execution\",\"Severity\":\"High\",\"ServiceSource\":\"Microsoft Defender for Endpoint\"," +
            "\"DetectionSource\":\"EDR\",\"AttackTechniques\":\"[\\\"PowerShell (T1059.001)\\\"]\",\"NewColumn\":42}," +
            "\"_TimeReceivedBySvc\":\"2026-07-22T10:43:05.0000000\",\"operationName\":\"Publish\",\"tenantId\":\"t-1\"," +
            "\"category\":\"AdvancedHunting-AlertInfo\",\"time\":\"2026-07-22T10:44:33.4250955Z\"}";

        var expected = Assert.IsType<AlertInfoEvent>(Parse(AlertInfoLine, "DeviceEvents"));
        var parsed = Assert.IsType<AlertInfoEvent>(Parse(reordered, "DeviceEvents"));

        Assert.Equal("AlertInfo", parsed.Table);
        Assert.Equal(expected.ReceivedTimeUtc, parsed.ReceivedTimeUtc);
        Assert.Equal(expected.TenantId, parsed.TenantId);
        Assert.Equal(expected.OperationName, parsed.OperationName);
        Assert.Equal(expected.Timestamp, parsed.Timestamp);
        Assert.Equal(expected.AlertId, parsed.AlertId);
        Assert.Equal(expected.Title, parsed.Title);
        Assert.Equal(expected.AttackTechniques, parsed.AttackTechniques);
        Assert.Equal(expected.GetAdditionalProperties(), parsed.GetAdditionalProperties());
    }

    [Fact]
    public void Envelope_extras_come_before_unknown_columns_and_an_unreadable_time_is_kept()
    {
        var line = "{\"category\":\"AdvancedHunting-AlertInfo\",\"properties\":{\"NewColumn\":1,\"Timestamp\":\"soon\"}," +
            "\"time\":\"not a time\",\"_Extra\":[true,null]}";

        var parsed = Assert.IsType<AlertInfoEvent>(Parse(line, "DeviceEvents"));

        Assert.Null(parsed.ReceivedTimeUtc);
        Assert.Null(parsed.Timestamp);
        var additional = parsed.GetAdditionalProperties();
        Assert.Equal(new[] { "time", "_Extra", "NewColumn", "Timestamp" }, additional.Select(a => a.Key));
        Assert.Equal("not a time", additional[0].Value);
        Assert.Equal(new object?[] { true, null }, Assert.IsType<object?[]>(additional[1].Value));
        Assert.Equal("soon", additional[3].Value);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"time\": ")]
    [InlineData("\"a string\"")]
    [InlineData("{\"time\":\"2026-07-22T10:00:00Z\"} {}")]
    [InlineData("")]
    public void A_line_that_is_not_a_record_is_InvalidResponse(string line)
    {
        var failure = Assert.Throws<MdeSiemException>(() => Parse(line, "DeviceEvents"));
        Assert.Equal(ErrorCode.InvalidResponse, failure.Code);
    }

    [Theory]
    [InlineData("{\"time\":\"2026-07-22T10:00:00Z\",\"properties\":{\"Cmd\":\"\\ud800\"}}")]
    [InlineData("{\"time\":\"2026-07-22T10:00:00Z\",\"tenantId\":\"\\udc00x\",\"properties\":{}}")]
    [InlineData("{\"time\":\"2026-07-22T10:00:00Z\",\"properties\":{\"\\ud800\":1}}")]
    public void A_line_whose_text_escapes_a_lone_surrogate_is_InvalidResponse(string line)
    {
        var failure = Assert.Throws<MdeSiemException>(() => Parse(line, "DeviceEvents"));
        Assert.Equal(ErrorCode.InvalidResponse, failure.Code);
    }

    [Fact]
    public void A_line_whose_text_is_not_valid_UTF8_is_InvalidResponse()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"time\":\"2026-07-22T10:00:00Z\",\"properties\":{\"Cmd\":\"a?b\"}}");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xC3; // a lead byte followed by 'b', not a continuation byte

        var failure = Assert.Throws<MdeSiemException>(() => StreamingRecordParser.Parse(bytes, "DeviceEvents", "blob"));
        Assert.Equal(ErrorCode.InvalidResponse, failure.Code);
    }

    [Fact]
    public void A_properties_value_that_is_not_an_object_or_is_a_second_one_is_kept_as_it_came()
    {
        const string Head = "{\"time\":\"2026-07-22T10:00:00Z\",\"category\":\"AdvancedHunting-DeviceEvents\",";

        var array = Parse(Head + "\"properties\":[1,2]}", "DeviceEvents");
        Assert.Equal(new object?[] { 1L, 2L }, Assert.IsType<object?[]>(Assert.Single(array.GetAdditionalProperties(), p => p.Key == "properties").Value));

        var text = Parse(Head + "\"properties\":\"{}\"}", "DeviceEvents");
        Assert.Equal("{}", Assert.Single(text.GetAdditionalProperties(), p => p.Key == "properties").Value);

        var second = Parse(Head + "\"properties\":{\"A\":\"x\"},\"properties\":{\"B\":\"y\"}}", "DeviceEvents");
        Assert.Equal("x", Assert.Single(second.GetAdditionalProperties(), p => p.Key == "A").Value);
        var kept = Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(Assert.Single(second.GetAdditionalProperties(), p => p.Key == "properties").Value);
        Assert.Equal(new[] { new KeyValuePair<string, object?>("B", "y") }, kept);
    }

    private static StreamingEvent Parse(string line, string containerTable) =>
        StreamingRecordParser.Parse(Encoding.UTF8.GetBytes(line), containerTable, "blob");
}
