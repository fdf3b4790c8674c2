namespace MdeSiem.Core.Forwarding;

/// <summary>The syslog message format: RFC 5424, or the older BSD format of RFC 3164 for old collectors.</summary>
public enum SyslogFormat
{
    Rfc5424,
    Rfc3164,
}
