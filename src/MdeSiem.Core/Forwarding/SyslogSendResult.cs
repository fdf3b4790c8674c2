namespace MdeSiem.Core.Forwarding;

/// <summary>What became of one message: sent (handed to the transport) or not, and why not.</summary>
public sealed class SyslogSendResult
{
    /// <summary>The message's position in the whole run, from 0.</summary>
    public long Index { get; init; }

    public bool Sent { get; init; }

    /// <summary>The bytes written for the message, framing included.</summary>
    public int Bytes { get; init; }

    /// <summary>Connections opened for this message beyond the one it found (reconnects after a drop).</summary>
    public int Reconnects { get; init; }

    public string Destination { get; init; } = string.Empty;

    /// <summary>The stable error id when not sent, e.g. "MdeSiem.SyslogSendFailed".</summary>
    public string? ErrorId { get; init; }

    public string? Error { get; init; }

    /// <summary>The message text, so a failed message can be written elsewhere or sent again.</summary>
    public string Message { get; init; } = string.Empty;
}
