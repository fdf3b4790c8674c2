using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// TCP, or TLS over TCP (RFC 5425). Before each message the channel checks whether the collector has closed or
/// reset the connection, and reconnects instead of writing into a dead connection, where the message would be
/// lost without an error. A collector sends no syslog data, but a TLS 1.3 server does send session tickets after
/// the handshake: a background read consumes whatever arrives (so TLS can process it) and notes the end of the
/// stream, and a readable socket with nothing left to read is a closed one.
/// A TLS collector that refuses this client's certificate (or its absence, or its name) does so after the
/// handshake has completed on the client's side (always with TLS 1.3, and with rsyslog's own peer checks for any
/// version), by closing the connection without a word. So a new TLS connection is watched before the first message
/// is written on it: if the collector closes it within the watch, the connect fails with the rejection.
/// </summary>
internal sealed class SyslogStreamChannel : ISyslogChannel
{
    private readonly SyslogSenderOptions _options;
    private SyslogConnection? _connection;
    private SyslogConnectionState? _state;

    public SyslogStreamChannel(SyslogSenderOptions options)
    {
        _options = options;
    }

    public bool IsUsable
    {
        get
        {
            var socket = _connection?.Client.Client;
            if (socket is null || !socket.Connected || _state is null || _state.Closed)
            {
                return false;
            }

            try
            {
                var endOfStream = socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
                return !endOfStream && !socket.Poll(0, SelectMode.SelectError);
            }
            catch (SocketException)
            {
                return false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        Close();
        var tls = _options.Protocol == SyslogProtocol.Tls;
        var connection = await SyslogConnection.OpenAsync(_options, tls, cancellationToken).ConfigureAwait(false);
        var state = new SyslogConnectionState();
        var drain = DrainAsync(connection.Stream, state);
        if (tls)
        {
            var watch = TimeSpan.FromTicks(Math.Max(_options.TlsRejectionWatch.Ticks, connection.Handshake.Ticks * 3));
            if (await Task.WhenAny(drain, Task.Delay(watch, cancellationToken)).ConfigureAwait(false) == drain)
            {
                connection.Dispose();
                throw new SyslogRejectedException(
                    "The collector closed the TLS connection right after the handshake, before any message was written: it refused this client " +
                    "(no client certificate, or one it does not trust or whose name it does not permit).");
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        _connection = connection;
        _state = state;
    }

    public async Task SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        var stream = _connection!.Stream;
        await stream.WriteAsync(frame, 0, frame.Length, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Close()
    {
        _connection?.Dispose();
        _connection = null;
        _state = null;
    }

    public void Dispose() => Close();

    /// <summary>Reads and discards what the collector sends, until the stream ends or fails.</summary>
    private static async Task DrainAsync(Stream stream, SyslogConnectionState state)
    {
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException or InvalidOperationException or NotSupportedException or System.Security.Authentication.AuthenticationException)
        {
            // A reset, a TLS alert, or our own Close: either way the connection is over.
        }

        state.Closed = true;
    }
}
