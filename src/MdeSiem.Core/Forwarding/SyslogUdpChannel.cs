using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Forwarding;

/// <summary>UDP (RFC 5426): one datagram per message, no delivery guarantee beyond what the socket reports.</summary>
internal sealed class SyslogUdpChannel : ISyslogChannel
{
    private readonly string _host;
    private readonly int _port;
    private UdpClient? _client;

    public SyslogUdpChannel(string host, int port)
    {
        _host = host;
        _port = port;
    }

    public bool IsUsable => _client is not null;

    public Task OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var client = new UdpClient();
        try
        {
            // Connecting a UDP socket fixes the peer, so an ICMP "port unreachable" surfaces as an error.
            client.Connect(_host, _port);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        return Task.CompletedTask;
    }

    public async Task SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await _client!.SendAsync(frame, frame.Length).ConfigureAwait(false);
    }

    public void Close()
    {
        _client?.Dispose();
        _client = null;
    }

    public void Dispose() => Close();
}
