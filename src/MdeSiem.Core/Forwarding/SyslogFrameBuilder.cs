using System;
using System.Globalization;
using System.Text;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Builds the bytes of one syslog message. RFC 5424: "&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME - - - MSG" with a UTC
/// timestamp to the microsecond and no BOM (MSG-ANY: many collectors mishandle the BOM). RFC 3164:
/// "&lt;PRI&gt;Mmm dd hh:mm:ss HOSTNAME TAG: MSG" in UTC. With <see cref="SyslogSenderOptions.LocalTime"/> the time is
/// in the chosen zone instead (RFC 5424 writes its offset; RFC 3164 has no place for one). Over TCP and TLS each
/// message is prefixed with its length in bytes and a space (octet counting, RFC 6587 3.4.1 and RFC 5425 4.3); over
/// UDP a datagram is one message; RELP carries the length in its own frame.
/// A message longer than <see cref="SyslogSenderOptions.MaxMessageSize"/> is truncated to that many bytes, at the
/// end of the last whole UTF-8 character that fits: RFC 5424 6.1 lets a receiver truncate what it cannot take, and
/// doing it here keeps a receiver such as rsyslog (8 KB by default) from cutting a TCP frame and reading the rest of
/// it as further messages.
/// </summary>
public sealed class SyslogFrameBuilder
{
    private readonly SyslogSenderOptions _options;
    private readonly string _hostname;
    private readonly string _appName;

    public SyslogFrameBuilder(SyslogSenderOptions options)
    {
        _options = options;
        var rawHost = string.IsNullOrEmpty(options.Hostname) ? LocalHostName() : options.Hostname!;
        var is3164 = options.Format == SyslogFormat.Rfc3164;
        _hostname = HeaderToken(rawHost, 255);
        _appName = is3164 ? TagToken(options.AppName) : HeaderToken(options.AppName, 48);
    }

    public SyslogFrame Build(SyslogMessage message)
    {
        var payload = Encoding.UTF8.GetBytes(BuildText(message));
        var truncated = false;
        if (_options.MaxMessageSize > 0 && payload.Length > _options.MaxMessageSize)
        {
            payload = Truncate(payload, _options.MaxMessageSize);
            truncated = true;
        }

        if (_options.Protocol is not (SyslogProtocol.Tcp or SyslogProtocol.Tls))
        {
            return new SyslogFrame(payload, truncated);
        }

        var prefix = Encoding.ASCII.GetBytes(payload.Length.ToString(CultureInfo.InvariantCulture) + " ");
        var frame = new byte[prefix.Length + payload.Length];
        Buffer.BlockCopy(prefix, 0, frame, 0, prefix.Length);
        Buffer.BlockCopy(payload, 0, frame, prefix.Length, payload.Length);
        return new SyslogFrame(frame, truncated);
    }

    /// <summary>The syslog message without transport framing.</summary>
    public string BuildText(SyslogMessage message)
    {
        var priority = ((int)_options.Facility * 8) + (int)message.Severity;
        var instant = message.Timestamp ?? _options.Clock();
        var local = _options.LocalTime ? TimeZoneInfo.ConvertTime(instant, _options.TimeZone ?? TimeZoneInfo.Local) : instant.ToUniversalTime();
        var time = local.DateTime;
        if (_options.Format == SyslogFormat.Rfc3164)
        {
            var day = time.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2, ' ');
            var stamp = time.ToString("MMM", CultureInfo.InvariantCulture) + " " + day + " " + time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            return $"<{priority}>{stamp} {_hostname} {_appName}: {message.Text}";
        }

        var timestamp = time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + Offset(local.Offset);
        return $"<{priority}>1 {timestamp} {_hostname} {_appName} - - - {message.Text}";
    }

    /// <summary>RFC 5424 TIME-OFFSET: "Z" for UTC, otherwise "+hh:mm" or "-hh:mm".</summary>
    private string Offset(TimeSpan offset)
    {
        if (!_options.LocalTime)
        {
            return "Z";
        }

        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var magnitude = offset.Duration();
        return sign + magnitude.Hours.ToString("00", CultureInfo.InvariantCulture) + ":" + magnitude.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>The first <paramref name="max"/> bytes, less the start of a UTF-8 character cut in two.</summary>
    private static byte[] Truncate(byte[] payload, int max)
    {
        var length = max;

        // Continuation bytes are 10xxxxxx: step back to the lead byte of the character that does not fit whole.
        while (length > 0 && (payload[length] & 0xC0) == 0x80)
        {
            length--;
        }

        var cut = new byte[length];
        Buffer.BlockCopy(payload, 0, cut, 0, length);
        return cut;
    }

    private static string LocalHostName()
    {
        try
        {
            return System.Net.Dns.GetHostName();
        }
        catch (System.Net.Sockets.SocketException)
        {
            return Environment.MachineName;
        }
    }

    /// <summary>RFC 5424 header fields are 1..max printable US-ASCII characters (33-126); "-" means none.</summary>
    private static string HeaderToken(string value, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(value.Length, maxLength));
        foreach (var character in value)
        {
            if (builder.Length == maxLength)
            {
                break;
            }

            builder.Append(character is >= '!' and <= '~' ? character : '_');
        }

        return builder.Length == 0 ? "-" : builder.ToString();
    }

    /// <summary>RFC 3164 TAG: at most 32 alphanumeric characters (plus - _ . here, which collectors accept).</summary>
    private static string TagToken(string value)
    {
        var builder = new StringBuilder();
        foreach (var character in value)
        {
            if (builder.Length == 32)
            {
                break;
            }

            if (character < 0x80 && (char.IsLetterOrDigit(character) || character is '-' or '_' or '.'))
            {
                builder.Append(character);
            }
        }

        return builder.Length == 0 ? "MdeSiem" : builder.ToString();
    }
}
