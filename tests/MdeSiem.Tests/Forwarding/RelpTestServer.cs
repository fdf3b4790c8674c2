using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Tests.Forwarding;

/// <summary>
/// A RELP server written here from the protocol description (librelp doc/relp.md): frames "TXNR SP COMMAND SP DATALEN
/// [SP DATA] LF"; "open" answered with the offers, "syslog" with "rsp 200 OK", "close" with an empty "rsp". Each
/// session runs the script its test gives: after how many syslog commands it stops answering and drops the
/// connection, and which messages it refuses with a 500.
/// </summary>
internal sealed class RelpTestServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public RelpTestServer()
    {
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every syslog message received, in order, over all sessions (duplicates included).</summary>
    public List<string> Received { get; } = new();

    /// <summary>
    /// Serves one session: answers at most <paramref name="acknowledge"/> syslog commands (all when null), then
    /// reads <paramref name="unanswered"/> more without answering and resets the connection.
    /// </summary>
    public async Task ServeSessionAsync(int? acknowledge, int unanswered, Func<string, bool>? refuse, CancellationToken cancellationToken)
    {
        using var client = await _listener.AcceptTcpClientAsync(cancellationToken);
        var stream = client.GetStream();
        var answered = 0;
        var ignored = 0;
        while (true)
        {
            var frame = await ReadFrameAsync(stream, cancellationToken);
            if (frame is null)
            {
                return;
            }

            var (transaction, command, data) = frame.Value;
            switch (command)
            {
                case "open":
                    await RespondAsync(stream, transaction, "200 OK\nrelp_version=0\nrelp_software=test\ncommands=syslog", cancellationToken);
                    break;
                case "close":
                    await RespondAsync(stream, transaction, string.Empty, cancellationToken);
                    return;
                case "syslog":
                    lock (Received)
                    {
                        Received.Add(data);
                    }

                    if (acknowledge is not null && answered >= acknowledge)
                    {
                        if (++ignored >= unanswered)
                        {
                            client.Client.LingerState = new LingerOption(true, 0);
                            client.Client.Close();
                            return;
                        }

                        break;
                    }

                    answered++;
                    await RespondAsync(stream, transaction, refuse?.Invoke(data) == true ? "500 refused" : "200 OK", cancellationToken);
                    break;
                default:
                    throw new InvalidDataException($"Unexpected RELP command {command}.");
            }
        }
    }

    public void Dispose() => _listener.Stop();

    private static async Task RespondAsync(Stream stream, int transaction, string data, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(data);
        var header = Encoding.ASCII.GetBytes(string.Format(CultureInfo.InvariantCulture, "{0} rsp {1}{2}", transaction, body.Length, body.Length > 0 ? " " : string.Empty));
        await stream.WriteAsync(header, cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    private static async Task<(int Transaction, string Command, string Data)?> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var transaction = await ReadWordAsync(stream, cancellationToken);
        if (transaction is null)
        {
            return null;
        }

        var command = await ReadWordAsync(stream, cancellationToken) ?? throw new EndOfStreamException();
        var lengthText = new StringBuilder();
        int last;
        while ((last = await ReadByteAsync(stream, cancellationToken)) is >= '0' and <= '9')
        {
            lengthText.Append((char)last);
        }

        var length = int.Parse(lengthText.ToString(), CultureInfo.InvariantCulture);
        var data = new byte[length];
        if (last == ' ')
        {
            await stream.ReadExactlyAsync(data, cancellationToken);
            last = await ReadByteAsync(stream, cancellationToken);
        }

        if (last != '\n')
        {
            throw new InvalidDataException("A RELP frame without its trailer.");
        }

        return (int.Parse(transaction, CultureInfo.InvariantCulture), command, Encoding.UTF8.GetString(data));
    }

    private static async Task<string?> ReadWordAsync(Stream stream, CancellationToken cancellationToken)
    {
        var word = new StringBuilder();
        while (true)
        {
            var b = await ReadByteAsync(stream, cancellationToken);
            if (b < 0)
            {
                return word.Length == 0 ? null : throw new EndOfStreamException();
            }

            if (b == ' ')
            {
                return word.ToString();
            }

            word.Append((char)b);
        }
    }

    private static async Task<int> ReadByteAsync(Stream stream, CancellationToken cancellationToken)
    {
        var one = new byte[1];
        try
        {
            return await stream.ReadAsync(one, cancellationToken) == 0 ? -1 : one[0];
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
