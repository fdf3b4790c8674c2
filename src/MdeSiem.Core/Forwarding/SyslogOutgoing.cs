namespace MdeSiem.Core.Forwarding;

/// <summary>A message on its way: its index in the run, the message, and its frame.</summary>
internal sealed class SyslogOutgoing
{
    public SyslogOutgoing(long index, SyslogMessage message, SyslogFrame frame)
    {
        Index = index;
        Message = message;
        Frame = frame;
    }

    public long Index { get; }

    public SyslogMessage Message { get; }

    public SyslogFrame Frame { get; }
}
