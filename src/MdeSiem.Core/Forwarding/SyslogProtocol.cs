namespace MdeSiem.Core.Forwarding;

/// <summary>The transport: UDP (RFC 5426), TCP with octet counting (RFC 6587), TLS (RFC 5425).</summary>
public enum SyslogProtocol
{
    Udp,
    Tcp,
    Tls,
}
