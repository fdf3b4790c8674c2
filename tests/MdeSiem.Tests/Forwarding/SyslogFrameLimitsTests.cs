using System;
using System.Linq;
using System.Text;
using MdeSiem.Core.Forwarding;
using Xunit;

namespace MdeSiem.Tests.Forwarding;

/// <summary>-MaxMessageSize and -LocalTime in the frames built, checked against RFC 5424's header written out here.</summary>
public sealed class SyslogFrameLimitsTests
{
    private static readonly DateTimeOffset FixedTime = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private static SyslogFrameBuilder Builder(SyslogProtocol protocol, int maxMessageSize = 0, TimeZoneInfo? zone = null, SyslogFormat format = SyslogFormat.Rfc5424) => new(new SyslogSenderOptions
    {
        Protocol = protocol,
        Format = format,
        Facility = SyslogFacility.Local4,
        Hostname = "h",
        AppName = "a",
        MaxMessageSize = maxMessageSize,
        LocalTime = zone is not null,
        TimeZone = zone,
        Clock = () => FixedTime,
    });

    private const string Header = "<166>1 2026-03-04T05:06:07.000000Z h a - - - ";

    [Fact]
    public void A_message_over_the_limit_is_cut_to_exactly_the_limit_and_marked()
    {
        var frame = Builder(SyslogProtocol.Udp, 480).Build(new SyslogMessage(new string('x', 1000)));

        Assert.True(frame.Truncated);
        Assert.Equal(Encoding.ASCII.GetBytes(Header + new string('x', 480 - Header.Length)), frame.Bytes);
    }

    [Fact]
    public void A_cut_never_splits_a_utf8_character()
    {
        // "é" is two bytes: with an odd number of bytes left for the text, the last one would be half a character.
        var text = string.Concat(Enumerable.Repeat("é", 400));
        var room = 481 - Encoding.UTF8.GetByteCount(Header);
        var frame = Builder(SyslogProtocol.Udp, 481).Build(new SyslogMessage(text));

        Assert.Equal(Header + new string('é', room / 2), Encoding.UTF8.GetString(frame.Bytes));
        Assert.Equal(481 - (room % 2), frame.Bytes.Length);
    }

    [Fact]
    public void Over_tcp_the_octet_count_is_that_of_the_cut_message()
    {
        var frame = Builder(SyslogProtocol.Tcp, 500).Build(new SyslogMessage(new string('y', 2000)));

        Assert.Equal("500 " + Header + new string('y', 500 - Header.Length), Encoding.ASCII.GetString(frame.Bytes));
    }

    [Fact]
    public void A_message_within_the_limit_is_untouched_and_relp_has_no_octet_count()
    {
        var frame = Builder(SyslogProtocol.Relp, 480).Build(new SyslogMessage("short"));

        Assert.False(frame.Truncated);
        Assert.Equal(Header + "short", Encoding.ASCII.GetString(frame.Bytes));
    }

    [Fact]
    public void Local_time_writes_the_zone_offset_in_rfc5424_and_the_wall_clock_in_rfc3164()
    {
        var plusOneThirty = TimeZoneInfo.CreateCustomTimeZone("Test+01:30", new TimeSpan(1, 30, 0), "Test+01:30", "Test+01:30");
        var minusFive = TimeZoneInfo.CreateCustomTimeZone("Test-05", TimeSpan.FromHours(-5), "Test-05", "Test-05");

        Assert.Equal("<166>1 2026-03-04T06:36:07.000000+01:30 h a - - - m", Builder(SyslogProtocol.Udp, zone: plusOneThirty).BuildText(new SyslogMessage("m")));
        Assert.Equal("<166>1 2026-03-04T00:06:07.000000-05:00 h a - - - m", Builder(SyslogProtocol.Udp, zone: minusFive).BuildText(new SyslogMessage("m")));
        Assert.Equal("<166>Mar  4 06:36:07 h a: m", Builder(SyslogProtocol.Udp, zone: plusOneThirty, format: SyslogFormat.Rfc3164).BuildText(new SyslogMessage("m")));
    }
}
