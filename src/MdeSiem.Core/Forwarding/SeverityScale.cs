using System;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Defender's severities (Informational, Low, Medium, High; Graph's lower-case names and "unknown") on the scales
/// SIEM formats use. CEF's 0-10 bands are 0-3 Low, 4-6 Medium, 7-8 High, 9-10 Very-High; Defender's High is
/// mapped to 8 so that a user's own escalations can still use 9 and 10.
/// </summary>
public static class SeverityScale
{
    /// <summary>CEF header severity, 0-10; 0 for unknown values.</summary>
    public static int ToCef(string? severity) => Normalize(severity) switch
    {
        "informational" => 1,
        "low" => 3,
        "medium" => 5,
        "high" => 8,
        _ => 0,
    };

    /// <summary>Syslog severity (RFC 5424 numbers): High=Error(3), Medium=Warning(4), Low=Notice(5), else Informational(6).</summary>
    public static SyslogSeverity ToSyslog(string? severity) => Normalize(severity) switch
    {
        "high" => SyslogSeverity.Error,
        "medium" => SyslogSeverity.Warning,
        "low" => SyslogSeverity.Notice,
        _ => SyslogSeverity.Informational,
    };

    private static string Normalize(string? severity) =>
        (severity ?? string.Empty).Trim().ToLowerInvariant();
}
