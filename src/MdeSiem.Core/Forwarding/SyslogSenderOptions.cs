using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;

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

    /// <summary>The certificate (with its private key) this client presents to a collector that asks for one.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>CA certificates trusted for the collector's certificate besides the system's trusted roots.</summary>
    public X509Certificate2Collection? TrustedCertificates { get; init; }

    /// <summary>
    /// Pins: the collector's certificate must match one ("sha256/BASE64" of its public key, or its SHA-1 or SHA-256
    /// thumbprint in hex); when given, they replace every other trust decision.
    /// </summary>
    public IReadOnlyList<string>? CertificatePins { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a connect that failed (refused, unreachable, timed out) is tried again.</summary>
    public int ConnectRetries { get; init; } = 4;

    /// <summary>The wait before the first connect retry; each next one waits twice as long (with jitter).</summary>
    public TimeSpan ConnectRetryDelay { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest wait between two connect attempts.</summary>
    public TimeSpan ConnectRetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The shortest time a new TLS connection is watched for the collector closing it (its rejection of this client)
    /// before any message is written on it; the watch lasts three times the handshake when that is longer.
    /// </summary>
    public TimeSpan TlsRejectionWatch { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How many times one message may reopen a broken connection (and, over RELP, be sent again).</summary>
    public int MaxReconnects { get; init; } = 2;

    /// <summary>The longest syslog message in bytes (header included, framing not); longer ones are truncated. 0: no limit.</summary>
    public int MaxMessageSize { get; init; }

    /// <summary>Write timestamps in <see cref="TimeZone"/> (RFC 5424 with its offset) instead of UTC.</summary>
    public bool LocalTime { get; init; }

    /// <summary>The zone of <see cref="LocalTime"/>; this machine's when null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>RELP: how many messages may await their acknowledgement at once (librelp's default window is 128).</summary>
    public int RelpWindow { get; init; } = 128;

    /// <summary>The clock for message times; tests fix it to compare bytes.</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;
}
