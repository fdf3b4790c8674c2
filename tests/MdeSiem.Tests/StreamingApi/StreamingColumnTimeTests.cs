using System;
using System.Globalization;
using System.Text.Json;
using MdeSiem.Core.StreamingApi;
using Xunit;

namespace MdeSiem.Tests.StreamingApi;

/// <summary>
/// A record's time column read from its JSON bytes: the same instant, as UTC, that DateTime.TryParse with the
/// module's documented rules (no zone means UTC) gives for the same text, in every form a time may come in.
/// </summary>
public sealed class StreamingColumnTimeTests
{
    [Theory]
    [InlineData("2026-12-02T10:58:29.1136012Z")]
    [InlineData("2026-12-02T10:58:29Z")]
    [InlineData("2026-12-02T10:58:29.12Z")]
    [InlineData("2026-12-02T10:58:29.1136012")]
    [InlineData("2026-12-02T10:58:29")]
    [InlineData("2026-12-02T12:58:29.5+02:00")]
    [InlineData("2026-12-02T05:58:29-05:00")]
    [InlineData("2026-12-02")]
    [InlineData("12/02/2026 10:58:29")]
    [InlineData("2 December 2026 10:58")]
    public void Reads_a_time_as_the_same_UTC_instant_as_the_framework_parser(string text)
    {
        Assert.True(DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var expected));

        var reader = ReaderOn(JsonSerializer.Serialize(text));
        Assert.True(StreamingColumnValues.TryUtcDateTime(ref reader, out var streamed));

        Assert.Equal(DateTimeKind.Utc, streamed!.Value.Kind);
        Assert.Equal(expected.Ticks, streamed.Value.Ticks);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void Reads_an_absent_time_as_null(string json)
    {
        var reader = ReaderOn(json);
        Assert.True(StreamingColumnValues.TryUtcDateTime(ref reader, out var streamed));
        Assert.Null(streamed);
    }

    [Theory]
    [InlineData("\"not a time\"")]
    [InlineData("42")]
    public void Refuses_what_is_not_a_time(string json)
    {
        var reader = ReaderOn(json);
        Assert.False(StreamingColumnValues.TryUtcDateTime(ref reader, out _));
    }

    private static Utf8JsonReader ReaderOn(string json)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }
}
