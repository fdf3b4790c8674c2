using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Tests.Forwarding;

/// <summary>
/// Reads RFC 6587 octet-counted frames ("MSG-LEN SP SYSLOG-MSG") from a stream, keeping every byte received so a
/// test can compare the whole stream with what it expects.
/// </summary>
internal static class OctetCountedReader
{
    /// <summary>Reads up to <paramref name="count"/> frames; fewer when the stream ends. Returns the raw bytes.</summary>
    public static async Task<(List<string> Messages, byte[] Raw)> ReadFramesAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        var raw = new MemoryStream();
        var messages = new List<string>();
        var one = new byte[1];
        while (messages.Count < count)
        {
            var length = new StringBuilder();
            while (true)
            {
                if (await stream.ReadAsync(one.AsMemory(0, 1), cancellationToken) == 0)
                {
                    return (messages, raw.ToArray());
                }

                raw.WriteByte(one[0]);
                if (one[0] == (byte)' ')
                {
                    break;
                }

                if (one[0] is < (byte)'0' or > (byte)'9')
                {
                    throw new InvalidDataException("Frame length is not a number");
                }

                length.Append((char)one[0]);
            }

            var payload = new byte[int.Parse(length.ToString(), CultureInfo.InvariantCulture)];
            await stream.ReadExactlyAsync(payload, cancellationToken);
            raw.Write(payload);
            messages.Add(Encoding.UTF8.GetString(payload));
        }

        return (messages, raw.ToArray());
    }
}
