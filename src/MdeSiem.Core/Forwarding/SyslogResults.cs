using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Forwarding;

/// <summary>Builds the result of one message, delivered or not, the same way for every transport.</summary>
internal static class SyslogResults
{
    public static SyslogSendResult Sent(SyslogOutgoing outgoing, string destination, int reconnects, int bytes, bool acknowledged) => new()
    {
        Index = outgoing.Index,
        Sent = true,
        Acknowledged = acknowledged,
        Bytes = bytes,
        Truncated = outgoing.Frame.Truncated,
        Reconnects = reconnects,
        Destination = destination,
        Message = outgoing.Message.Text,
    };

    public static SyslogSendResult Failed(SyslogOutgoing outgoing, string destination, string error, int reconnects) => new()
    {
        Index = outgoing.Index,
        Sent = false,
        Truncated = outgoing.Frame.Truncated,
        Reconnects = reconnects,
        Destination = destination,
        ErrorId = "MdeSiem." + ErrorCode.SyslogSendFailed,
        Error = error,
        Message = outgoing.Message.Text,
    };
}
