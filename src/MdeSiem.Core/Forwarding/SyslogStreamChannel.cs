using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// TCP, or TLS over TCP (RFC 5425). A syslog collector never writes to the sender, so a socket that turns readable
/// has been closed or reset by the peer: the channel checks that before each message and reconnects instead of
/// writing into a dead connection, where the message would be lost without an error.
/// </summary>
internal sealed class SyslogStreamChannel : ISyslogChannel
{
    private readonly SyslogSenderOptions _options;
    private TcpClient? _client;
    private Stream? _stream;

    public SyslogStreamChannel(SyslogSenderOptions options)
    {
        _options = options;
    }

    public bool IsUsable
    {
        get
        {
            var socket = _client?.Client;
            if (socket is null || !socket.Connected)
            {
                return false;
            }

            try
            {
                return !socket.Poll(0, SelectMode.SelectRead) && !socket.Poll(0, SelectMode.SelectError);
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
    }

    public void Dispose() => Close();
}
