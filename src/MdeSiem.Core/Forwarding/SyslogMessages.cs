namespace MdeSiem.Core.Forwarding;

/// <summary>Makes syslog messages from pre-formatted lines or from alert records (formatted as CEF).</summary>
public static class SyslogMessages
{
    /// <summary>A line as given; its severity is the fixed one, or Informational.</summary>
    public static SyslogMessage FromText(string text, SyslogSeverity? fixedSeverity) =>
        new(text, fixedSeverity ?? SyslogSeverity.Informational);

    /// <summary>A record as a CEF line; its severity is the fixed one, or mapped from the record's severity.</summary>
    public static SyslogMessage FromRecord(IFieldSource record, FieldOverrides? overrides, SyslogSeverity? fixedSeverity)
    {
        var profile = FieldMapProfiles.For(record);
        var severity = fixedSeverity ?? SeverityScale.ToSyslog(FieldValues.ToText(FieldValues.First(record, profile.SeveritySources)));
        return new SyslogMessage(CefFormatter.Format(record, overrides, profile), severity);
    }
}
