namespace MdeSiem.Core.Forwarding;

/// <summary>
/// The transport: UDP (RFC 5426), TCP with octet counting (RFC 6587), TLS (RFC 5425), or RELP, the Reliable Event
/// Logging Protocol of rsyslog's imrelp, in which the collector acknowledges each message (plain, or over TLS).
/// </summary>
public enum SyslogProtocol
{
    Udp,
    Tcp,
    Tls,
    Relp,
    RelpTls,
}
