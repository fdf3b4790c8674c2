namespace MdeSiem.Core.Forwarding;

/// <summary>One connection's end-of-stream flag, so a late reader of an old connection cannot mark a new one.</summary>
internal sealed class SyslogConnectionState
{
    private volatile bool _closed;

    public bool Closed
    {
        get => _closed;
        set => _closed = value;
    }
}
