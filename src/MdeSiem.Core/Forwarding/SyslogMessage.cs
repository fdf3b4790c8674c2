using System;

namespace MdeSiem.Core.Forwarding;

/// <summary>One message to send: its text (a CEF or LEEF line, JSON, anything), severity and optional time.</summary>
public sealed class SyslogMessage
{
    public SyslogMessage(string text, SyslogSeverity severity = SyslogSeverity.Informational, DateTimeOffset? timestamp = null)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Severity = severity;
        Timestamp = timestamp;
    }

    public string Text { get; }

    public SyslogSeverity Severity { get; }

    /// <summary>The syslog header's time; the time of sending when null.</summary>
    public DateTimeOffset? Timestamp { get; }
}
