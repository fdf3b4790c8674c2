using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MdeSiem.Core.Json;
using Xunit;

namespace MdeSiem.Tests.Json;

/// <summary>
/// The value readers every parser of the module shares (SIEM records, Streaming API records, hunting rows). A time is
/// the same UTC instant DateTime.TryParse gives with the module's documented rules (no zone means UTC); a string field
/// and a text column differ only where their documents say so ("" and nested JSON).
/// </summary>
public sealed class JsonValueReadersTests
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
        Assert.True(JsonValueReaders.TryReadUtcDateTime(ref reader, out var read));

        Assert.Equal(DateTimeKind.Utc, read!.Value.Kind);
        Assert.Equal(expected.Ticks, read.Value.Ticks);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    public void Reads_an_absent_time_as_null(string json)
    {
        var reader = ReaderOn(json);
        Assert.True(JsonValueReaders.TryReadUtcDateTime(ref reader, out var read));
        Assert.Null(read);
    }

    [Theory]
    [InlineData("\"not a time\"")]
    [InlineData("42")]
    public void Refuses_what_is_not_a_time(string json)
    {
        var reader = ReaderOn(json);
        Assert.False(JsonValueReaders.TryReadUtcDateTime(ref reader, out _));
    }

    [Theory]
    [InlineData("\"Low\"", "Low")]
    [InlineData("\"caf\\u00e9\"", "café")]
    [InlineData("\"\"", "")]
    [InlineData("null", null)]
    [InlineData("42", "42")]
    [InlineData("-1.5e3", "-1.5e3")]
    [InlineData("true", "true")]
    [InlineData("{\"a\": [1, \"x\"]}", "{\"a\": [1, \"x\"]}")]
    [InlineData("[ ]", "[ ]")]
    public void A_text_column_keeps_every_value_as_its_text(string json, string? expected)
    {
        // The value is followed by another, so a reader that stopped short of its end or read past it shows.
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("[" + json + ", 7]"));
        reader.Read();
        reader.Read();
        Assert.Equal(expected, JsonValueReaders.ReadText(ref reader));

        // A nested value is read whole: the reader is on its last token, and the next one is the value after it.
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.Number, reader.TokenType);
        Assert.Equal(7, reader.GetInt32());
    }

    [Theory]
    [InlineData("\"Low\"", true, "Low")]
    [InlineData("\"\"", true, null)]
    [InlineData("null", true, null)]
    [InlineData("42", true, "42")]
    [InlineData("false", true, "false")]
    [InlineData("{\"a\": 1}", false, null)]
    [InlineData("[1]", false, null)]
    public void A_string_field_takes_empty_as_null_and_refuses_nested_json(string json, bool readable, string? expected)
    {
        var reader = ReaderOn(json);
        Assert.Equal(readable, JsonValueReaders.TryReadString(ref reader, null, out var read));
        Assert.Equal(expected, read);

        // Refused: the reader has not moved, so the caller can still keep the whole value.
        if (!readable)
        {
            Assert.True(reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray);
            Assert.Equal(1, (int)reader.BytesConsumed);
        }
    }

    [Fact]
    public void A_repeated_value_comes_from_the_cache_in_both_string_readers()
    {
        var cache = new JsonStringCache();
        var json = Encoding.UTF8.GetBytes("[\"Informational\",\"Informational\"]");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        reader.Read();
        var first = JsonValueReaders.ReadText(ref reader, cache);
        reader.Read();
        Assert.True(JsonValueReaders.TryReadString(ref reader, cache, out var second));

        Assert.Equal("Informational", first);
        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("123", 123L)]
    [InlineData("\"-7\"", -7L)]
    [InlineData("null", null)]
    [InlineData("\"\"", null)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void Reads_a_whole_number(string json, long? expected)
    {
        var reader = ReaderOn(json);
        Assert.True(JsonValueReaders.TryReadInt64(ref reader, out var read));
        Assert.Equal(expected, read);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("\"twelve\"")]
    [InlineData("9223372036854775808")]
    [InlineData("true")]
    [InlineData("{}")]
    public void Refuses_what_is_not_a_whole_number(string json)
    {
        var reader = ReaderOn(json);
        Assert.False(JsonValueReaders.TryReadInt64(ref reader, out _));
    }

    [Theory]
    [InlineData("2147483647", true, int.MaxValue)]
    [InlineData("-2147483648", true, int.MinValue)]
    [InlineData("2147483648", false, null)]
    [InlineData("\"-2147483649\"", false, null)]
    [InlineData("null", true, null)]
    public void An_int_column_refuses_a_number_that_does_not_fit(string json, bool readable, int? expected)
    {
        var reader = ReaderOn(json);
        Assert.Equal(readable, JsonValueReaders.TryReadInt32(ref reader, out var read));
        Assert.Equal(expected, read);
    }

    [Fact]
    public void Reads_a_number_whose_bytes_are_split_between_segments_as_its_text()
    {
        // A value that straddles two buffers comes as a ValueSequence, not a ValueSpan.
        var first = new Segment(Encoding.UTF8.GetBytes("[1234"));
        var last = first.Append(Encoding.UTF8.GetBytes("5678]"));
        var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length));
        reader.Read();
        reader.Read();
        Assert.True(reader.HasValueSequence);

        Assert.Equal("12345678", JsonValueReaders.ReadText(ref reader));
    }

    [Fact]
    public void Reads_any_value_as_plain_objects()
    {
        var reader = ReaderOn("{\"n\": 3, \"d\": 2.5, \"s\": \"x\", \"b\": false, \"z\": null, \"a\": [1, {\"k\": \"v\"}]}");
        var plain = Assert.IsType<List<KeyValuePair<string, object?>>>(JsonValueReaders.ToPlain(ref reader));

        Assert.Equal(new[] { "n", "d", "s", "b", "z", "a" }, plain.ConvertAll(pair => pair.Key));
        Assert.Equal(3L, plain[0].Value);
        Assert.Equal(2.5, plain[1].Value);
        Assert.Equal("x", plain[2].Value);
        Assert.Equal(false, plain[3].Value);
        Assert.Null(plain[4].Value);
        var array = Assert.IsType<object?[]>(plain[5].Value);
        Assert.Equal(1L, array[0]);
        var inner = Assert.IsType<List<KeyValuePair<string, object?>>>(array[1]);
        Assert.Equal(new KeyValuePair<string, object?>("k", "v"), Assert.Single(inner));
    }

    private static Utf8JsonReader ReaderOn(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes)
        {
            Memory = bytes;
        }

        public Segment Append(byte[] bytes)
        {
            var next = new Segment(bytes) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
