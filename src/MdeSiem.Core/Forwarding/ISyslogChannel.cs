using System;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Forwarding;

/// <summary>A transport that sends one framed message at a time; opened lazily, reopened after a failure.</summary>
internal interface ISyslogChannel : IDisposable
{
    /// <summary>True when a connection is open and the peer has not closed it.</summary>
    bool IsUsable { get; }

    Task OpenAsync(CancellationToken cancellationToken);

    Task SendAsync(byte[] frame, CancellationToken cancellationToken);

    /// <summary>Drops the connection, if any, so the next send opens a new one.</summary>
    void Close();
}
