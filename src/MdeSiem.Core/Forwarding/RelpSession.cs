using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// The client side of one RELP session (librelp doc/relp.md, "RELP - The Reliable Event Logging Protocol"): "open"
/// with the offers, then "syslog" commands, each answered by a "rsp" with the same transaction number, in order;
/// "close" at the end. Transaction numbers start at 1 and wrap from 999,999,999 to 1; 0 is the server's hints
/// ("serverclose"). relp_version is 0, the version librelp (and so rsyslog) speaks.
/// </summary>
internal sealed class RelpSession : IDisposable
{
    private const int MaxTransaction = 999_999_999;
    private readonly SyslogConnection _connection;
    private readonly RelpFrameReader _reader;
    private int _nextTransaction = 1;

    private RelpSession(SyslogConnection connection)
    {
        _connection = connection;
        _reader = new RelpFrameReader(connection.Stream);
    }

    public static async Task<RelpSession> OpenAsync(SyslogSenderOptions options, CancellationToken cancellationToken)
    {
        var connection = await SyslogConnection.OpenAsync(options, options.Protocol == SyslogProtocol.RelpTls, cancellationToken).ConfigureAwait(false);
        var session = new RelpSession(connection);
        try
        {
            var version = typeof(RelpSession).Assembly.GetName().Version?.ToString(3) ?? "0";
            var offers = $"relp_version=0\nrelp_software=MdeSiem,{version},https://www.powershellgallery.com/packages/MdeSiem\ncommands=syslog";
            var open = await session.SendAsync("open", Encoding.ASCII.GetBytes(offers), cancellationToken).ConfigureAwait(false);
            var response = await session.ReadResponseAsync(cancellationToken).ConfigureAwait(false);
            if (response.Transaction != open || !response.Ok)
            {
                throw new SyslogRejectedException($"The collector refused the RELP session: {response.Text}");
            }

            // The server lists the commands it accepts; without "syslog" there is nothing to send (spec, "commands").
            var commands = response.Offers.FirstOrDefault(line => line.StartsWith("commands=", StringComparison.Ordinal));
            if (commands is null || !commands.Substring("commands=".Length).Split(',').Contains("syslog"))
            {
                throw new SyslogRejectedException("The collector's RELP session does not offer the syslog command.");
            }

            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Writes one command frame (not flushed) and returns its transaction number.</summary>
    public async Task<int> SendAsync(string command, byte[] data, CancellationToken cancellationToken)
    {
        var transaction = _nextTransaction;
        _nextTransaction = transaction == MaxTransaction ? 1 : transaction + 1;
        var header = Encoding.ASCII.GetBytes(string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}", transaction, command, data.Length));
        var frame = new byte[header.Length + (data.Length > 0 ? 1 + data.Length : 0) + 1];
        Buffer.BlockCopy(header, 0, frame, 0, header.Length);
        var position = header.Length;
        if (data.Length > 0)
        {
            frame[position++] = (byte)' ';
            Buffer.BlockCopy(data, 0, frame, position, data.Length);
            position += data.Length;
        }

        frame[position] = (byte)'\n';
        await _connection.Stream.WriteAsync(frame, 0, frame.Length, cancellationToken).ConfigureAwait(false);
        return transaction;
    }

    public Task FlushAsync(CancellationToken cancellationToken) => _connection.Stream.FlushAsync(cancellationToken);

    /// <summary>The next response; a "serverclose" hint or any other command ends the session with an error.</summary>
    public async Task<RelpResponse> ReadResponseAsync(CancellationToken cancellationToken)
    {
        var frame = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (frame.Command == "serverclose")
        {
            throw new IOException("The collector is closing the RELP session (serverclose).");
        }

        if (frame.Command != "rsp")
        {
            throw new InvalidDataException($"The collector sent the RELP command '{frame.Command}' where a response was due.");
        }

        return RelpResponse.Parse(frame);
    }

    /// <summary>Ends the session politely: "close", and its response when it comes.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        await SendAsync("close", Array.Empty<byte>(), cancellationToken).ConfigureAwait(false);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await ReadResponseAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _connection.Dispose();
}
