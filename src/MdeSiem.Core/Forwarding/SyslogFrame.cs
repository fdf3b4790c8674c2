namespace MdeSiem.Core.Forwarding;

/// <summary>The bytes of one message as the transport sends them, and whether the message was cut to the size limit.</summary>
public sealed class SyslogFrame
{
    public SyslogFrame(byte[] bytes, bool truncated)
    {
        Bytes = bytes;
        Truncated = truncated;
    }

    public byte[] Bytes { get; }

    public bool Truncated { get; }
}
