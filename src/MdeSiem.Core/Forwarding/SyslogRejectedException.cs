using System.IO;

namespace MdeSiem.Core.Forwarding;

/// <summary>The collector closed a new connection before any message was written: it refused this client.</summary>
internal sealed class SyslogRejectedException : IOException
{
    public SyslogRejectedException(string message)
        : base(message)
    {
    }
}
