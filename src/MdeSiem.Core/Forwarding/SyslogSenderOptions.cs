using System;

namespace MdeSiem.Core.Forwarding;

/// <summary>Where and how to send syslog messages.</summary>
public sealed class SyslogSenderOptions
{
    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = 514;

    public SyslogProtocol Protocol { get; init; } = SyslogProtocol.Udp;

    public SyslogFormat Format { get; init; } = SyslogFormat.Rfc5424;

    public SyslogFacility Facility { get; init; } = SyslogFacility.User;

    /// <summary>RFC 5424 APP-NAME / RFC 3164 TAG.</summary>
    public string AppName { get; init; } = "MdeSiem";

    /// <summary>The HOSTNAME written in each message; this machine's name when null.</summary>
    public string? Hostname { get; init; }

    /// <summary>Accept any TLS certificate; refused unless <see cref="Host"/> is loopback.</summary>
    public bool SkipCertificateCheck { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times one message may reopen a broken TCP or TLS connection before it is reported failed.</summary>
    public int MaxReconnects { get; init; } = 2;

    /// <summary>The clock for message times; tests fix it to compare bytes.</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;
}
