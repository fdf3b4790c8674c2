using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// Reads RELP frames from a stream. The grammar (librelp doc/relp.md): TXNR = 1*9DIGIT, COMMAND = 1*32ALPHA,
/// DATALEN = 1*9DIGIT, then SP and DATALEN octets when DATALEN is not 0, then LF. Anything else is a framing error,
/// after which the spec says to drop the connection.
/// </summary>
internal sealed class RelpFrameReader
{
    // The collector only answers: a response is a status line plus the offers, far below this.
    private const int MaxDataLength = 128 * 1024;
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    public RelpFrameReader(Stream stream)
    {
        _stream = stream;
    }

    public async Task<RelpFrame> ReadAsync(CancellationToken cancellationToken)
    {
        var (transaction, _) = await ReadNumberAsync("transaction number", cancellationToken).ConfigureAwait(false);
        var command = await ReadTokenAsync(cancellationToken).ConfigureAwait(false);
        var (length, end) = await ReadNumberAsync("data length", cancellationToken).ConfigureAwait(false);
        if (length > MaxDataLength)
        {
            throw new InvalidDataException($"The collector sent a RELP frame of {length} bytes, more than a response can be.");
        }

        var data = new byte[length];
        if (end == ' ')
        {
            for (var i = 0; i < length; i++)
            {
                data[i] = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
            }

            if (await ReadByteAsync(cancellationToken).ConfigureAwait(false) != '\n')
            {
                throw new InvalidDataException("The collector sent a RELP frame without its trailer.");
            }
        }
        else if (length != 0)
        {
            throw new InvalidDataException("The collector sent a RELP frame whose data is missing.");
        }

        return new RelpFrame(transaction, command, data);
    }

    /// <summary>1 to 9 digits, and the byte that ended them: a space, or (after a zero data length) the trailer.</summary>
    private async Task<(int Value, byte End)> ReadNumberAsync(string what, CancellationToken cancellationToken)
    {
        var value = 0;
        var digits = 0;
        while (true)
        {
            var b = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
            if (b is >= (byte)'0' and <= (byte)'9' && digits < 9)
            {
                value = (value * 10) + (b - '0');
                digits++;
                continue;
            }

            if (digits > 0 && b is (byte)' ' or (byte)'\n')
            {
                return (value, b);
            }

            throw new InvalidDataException($"The collector sent a RELP frame with a bad {what}.");
        }
    }

    private async Task<string> ReadTokenAsync(CancellationToken cancellationToken)
    {
        var builder = new StringBuilder();
        while (true)
        {
            var b = await ReadByteAsync(cancellationToken).ConfigureAwait(false);
            if (b == ' ' && builder.Length > 0)
            {
                return builder.ToString();
            }

            if (builder.Length == 32 || !((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')))
            {
                throw new InvalidDataException("The collector sent a RELP frame with a bad command.");
            }

            builder.Append((char)b);
        }
    }

    private async ValueTask<byte> ReadByteAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = 0;
            _end = await _stream.ReadAsync(_buffer, 0, _buffer.Length, cancellationToken).ConfigureAwait(false);
            if (_end == 0)
            {
                throw new EndOfStreamException("The collector closed the RELP connection.");
            }
        }

        return _buffer[_start++];
    }
}
