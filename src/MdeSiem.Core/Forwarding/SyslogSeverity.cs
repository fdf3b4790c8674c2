namespace MdeSiem.Core.Forwarding;

/// <summary>RFC 5424 severities, numbered as the RFC numbers them.</summary>
public enum SyslogSeverity
{
    Emergency = 0,
    Alert = 1,
    Critical = 2,
    Error = 3,
    Warning = 4,
    Notice = 5,
    Informational = 6,
    Debug = 7,
}
