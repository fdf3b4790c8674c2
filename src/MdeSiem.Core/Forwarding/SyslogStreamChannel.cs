using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// TCP, or TLS over TCP (RFC 5425). Before each message the channel checks whether the collector has closed or
/// reset the connection, and reconnects instead of writing into a dead connection, where the message would be
/// lost without an error. A collector sends no syslog data, but a TLS 1.3 server does send session tickets after
/// the handshake: a background read consumes whatever arrives (so TLS can process it) and notes the end of the
/// stream, and a readable socket with nothing left to read is a closed one.
/// </summary>
internal sealed class SyslogStreamChannel : ISyslogChannel
{
    private readonly SyslogSenderOptions _options;
    private TcpClient? _client;
    private Stream? _stream;
    private SyslogConnectionState? _state;
    private Task? _drain;

    public SyslogStreamChannel(SyslogSenderOptions options)
    {
        _options = options;
    }

    public bool IsUsable
    {
        get
        {
            var socket = _client?.Client;
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
        var client = new TcpClient { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            // netstandard2.0 has no cancellable ConnectAsync: disposing the client aborts it.
            using (timeout.Token.Register(client.Dispose))
            {
                await client.ConnectAsync(_options.Host, _options.Port).ConfigureAwait(false);
                Stream stream = client.GetStream();
                if (_options.Protocol == SyslogProtocol.Tls)
                {
                    var tls = _options.SkipCertificateCheck
                        ? new SslStream(stream, false, (_, _, _, _) => true)
                        : new SslStream(stream, false);
                    await tls.AuthenticateAsClientAsync(_options.Host, null, SslProtocols.None, checkCertificateRevocation: false).ConfigureAwait(false);
                    stream = tls;
                }

                _client = client;
                _stream = stream;
                _state = new SyslogConnectionState();
                _drain = DrainAsync(stream, _state);
            }
        }
        catch (Exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new TimeoutException($"No connection to {_options.Host}:{_options.Port} within {_options.ConnectTimeout.TotalSeconds:0} s.");
        }
        catch
        {
            client.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
    }

    public async Task SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _stream!.WriteAsync(frame, 0, frame.Length, cancellationToken).ConfigureAwait(false);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Close()
    {
        _stream?.Dispose();
        _client?.Dispose();
        _stream = null;
        _client = null;
        _state = null;
        _drain = null;
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
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException or InvalidOperationException or NotSupportedException)
        {
            // A reset or our own Close: either way the connection is over.
        }

        state.Closed = true;
    }
}
