namespace MdeSiem.Core.Forwarding;

/// <summary>
/// What became of one message: sent or not, and why not. "Sent" means what the transport can know: over UDP the
/// datagram left this machine; over TCP and TLS the operating system accepted the bytes on a connection the
/// collector had not closed; over RELP the collector acknowledged the message (<see cref="Acknowledged"/>).
/// </summary>
public sealed class SyslogSendResult
{
    /// <summary>The message's position in the whole run, from 0.</summary>
    public long Index { get; init; }

    public bool Sent { get; init; }

    /// <summary>True when the collector acknowledged the message (RELP "rsp 200"); never true for UDP, TCP or TLS.</summary>
    public bool Acknowledged { get; init; }

    /// <summary>The bytes written for the message, framing included.</summary>
    public int Bytes { get; init; }

    /// <summary>True when the message was longer than the size limit and was cut to it.</summary>
    public bool Truncated { get; init; }

    /// <summary>
    /// Connections opened for this message beyond the one it found (reconnects after a drop). Over RELP, how many
    /// times it was sent again after a connection broke before its acknowledgement: such a message may have reached
    /// the collector twice.
    /// </summary>
    public int Reconnects { get; init; }

    public string Destination { get; init; } = string.Empty;

    /// <summary>The stable error id when not sent, e.g. "MdeSiem.SyslogSendFailed".</summary>
    public string? ErrorId { get; init; }

    public string? Error { get; init; }

    /// <summary>The message text, so a failed message can be written elsewhere or sent again.</summary>
    public string Message { get; init; } = string.Empty;
}
