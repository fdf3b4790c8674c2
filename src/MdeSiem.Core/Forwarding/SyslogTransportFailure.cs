using System;
using System.IO;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Which exceptions mean "the network or the collector failed" (reported per message) rather than a bug or the
/// user's Ctrl+C. A framing error from the collector (InvalidDataException) is one: the connection is dropped.
/// </summary>
internal static class SyslogTransportFailure
{
    public static bool Is(Exception exception, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && exception is SocketException or IOException or InvalidDataException or TimeoutException or AuthenticationException
            or ObjectDisposedException or InvalidOperationException or OperationCanceledException;
}
