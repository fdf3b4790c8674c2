using System;
using System.Globalization;
using System.Text;
using MdeSiem.Core.Forwarding;
using Xunit;

namespace MdeSiem.Tests.Forwarding;

/// <summary>
/// The module's hand-written UTC time form against .NET's own formatter of the documented pattern: the fraction's
/// trailing zeros trimmed, and no point at all when the fraction is zero.
/// </summary>
public sealed class Utf8UtcTimeTests
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(10_000_000L)]
    [InlineData(10_000_001L)]
    [InlineData(1_000_000L)]
    [InlineData(1_200_000L)]
    [InlineData(9_999_999L)]
    public void Formats_fractions_as_the_framework_does(long ticks)
    {
        var time = new DateTime(2026, 12, 2, 7, 5, 9, DateTimeKind.Utc).AddTicks(ticks);
        Assert.Equal(time.ToString(Pattern, CultureInfo.InvariantCulture), Format(time));
    }

    [Fact]
    public void Formats_any_time_as_the_framework_does()
    {
        var random = new Random(20261202);
        var formatted = 0;
        for (var i = 0; i < 100_000; i++)
        {
            var ticks = (long)(random.NextDouble() * DateTime.MaxValue.Ticks);
            // Half the times on whole milliseconds or seconds, as services send them.
            ticks -= (i % 3) switch { 0 => 0, 1 => ticks % TimeSpan.TicksPerMillisecond, _ => ticks % TimeSpan.TicksPerSecond };
            var time = new DateTime(ticks, DateTimeKind.Utc);
            Assert.Equal(time.ToString(Pattern, CultureInfo.InvariantCulture), Format(time));
            formatted++;
        }

        Assert.Equal(100_000, formatted);
        Assert.Equal(DateTime.MaxValue.ToString(Pattern, CultureInfo.InvariantCulture), Format(DateTime.MaxValue));
        Assert.Equal(DateTime.MinValue.ToString(Pattern, CultureInfo.InvariantCulture), Format(DateTime.MinValue));
    }

    [Fact]
    public void The_text_form_is_the_same()
    {
        var time = new DateTime(2026, 1, 31, 23, 59, 58, 120, DateTimeKind.Utc);
        Assert.Equal("2026-01-31T23:59:58.12Z", FieldValues.FormatUtc(time));
        Assert.Equal("2026-01-31T23:59:58Z", FieldValues.FormatUtc(time.AddMilliseconds(-120)));
    }

    private static string Format(DateTime utc)
    {
        Span<byte> utf8 = stackalloc byte[Utf8UtcTime.MaxLength];
        var length = Utf8UtcTime.Format(utc, utf8);
        return Encoding.ASCII.GetString(utf8.Slice(0, length));
    }
}
