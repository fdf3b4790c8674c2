using System;
using System.Globalization;
using System.Text;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Builds the bytes of one syslog message. RFC 5424: "&lt;PRI&gt;1 TIMESTAMP HOSTNAME APP-NAME - - - MSG" with a UTC
/// timestamp to the microsecond and no BOM (MSG-ANY: many collectors mishandle the BOM). RFC 3164:
/// "&lt;PRI&gt;Mmm dd hh:mm:ss HOSTNAME TAG: MSG" in UTC. Over TCP and TLS each message is prefixed with its length
/// in bytes and a space (octet counting, RFC 6587 3.4.1 and RFC 5425 4.3); over UDP a datagram is one message.
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

    public byte[] Build(SyslogMessage message)
    {
        var text = BuildText(message);
        var payload = Encoding.UTF8.GetBytes(text);
        if (_options.Protocol == SyslogProtocol.Udp)
        {
            return payload;
        }

        var prefix = Encoding.ASCII.GetBytes(payload.Length.ToString(CultureInfo.InvariantCulture) + " ");
        var frame = new byte[prefix.Length + payload.Length];
        Buffer.BlockCopy(prefix, 0, frame, 0, prefix.Length);
        Buffer.BlockCopy(payload, 0, frame, prefix.Length, payload.Length);
        return frame;
    }

    /// <summary>The syslog message without transport framing.</summary>
    public string BuildText(SyslogMessage message)
    {
        var priority = ((int)_options.Facility * 8) + (int)message.Severity;
        var time = (message.Timestamp ?? _options.Clock()).UtcDateTime;
        if (_options.Format == SyslogFormat.Rfc3164)
        {
            var day = time.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2, ' ');
            var stamp = time.ToString("MMM", CultureInfo.InvariantCulture) + " " + day + " " + time.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            return $"<{priority}>{stamp} {_hostname} {_appName}: {message.Text}";
        }

        var timestamp = time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return $"<{priority}>1 {timestamp} {_hostname} {_appName} - - - {message.Text}";
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
