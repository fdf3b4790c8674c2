using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// Splits a blob's content stream into lines as it arrives, counting bytes exactly (LF or CRLF), so a checkpoint can
/// name the offset after the last whole line. Memory stays at one buffer (grown only for a longer line). A last line
/// without its line break may still be being written, so it is returned only when the caller says the blob is final.
/// Empty lines are returned too (with no bytes): the offset after them must be reachable, or a blob that ends in one
/// is never read to its end. A UTF-8 byte order mark at the blob's start is not part of its first line.
/// </summary>
internal static class BlobLineReader
{
    private const int InitialBufferSize = 64 * 1024;

    /// <param name="content">The blob's bytes from <paramref name="startOffset"/> on.</param>
    /// <param name="startOffset">The blob offset of the stream's first byte.</param>
    /// <param name="includeUnterminatedTail">Return a last line that has no line break (the blob will not grow).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async IAsyncEnumerable<BlobLine> ReadLinesAsync(
        Stream content,
        long startOffset,
        bool includeUnterminatedTail,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[InitialBufferSize];
        var filled = 0;
        var lineStart = 0;
        var scanned = 0;
        var bufferOffset = startOffset; // blob offset of buffer[0]
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (lineStart > 0)
                {
                    Buffer.BlockCopy(buffer, lineStart, buffer, 0, filled - lineStart);
                    filled -= lineStart;
                    scanned -= lineStart;
                    bufferOffset += lineStart;
                    lineStart = 0;
                }
                else
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }

            var read = await content.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', scanned, filled - scanned)) >= 0)
            {
                var length = newline - lineStart;
                if (length > 0 && buffer[newline - 1] == (byte)'\r')
                {
                    length--;
                }

                var end = bufferOffset + newline + 1;
                var start = lineStart;
                lineStart = newline + 1;
                scanned = lineStart;
                yield return new BlobLine(Content(buffer, start, length, bufferOffset), end);
            }

            scanned = filled;
        }

        if (includeUnterminatedTail && filled > lineStart)
        {
            var length = filled - lineStart;
            if (buffer[filled - 1] == (byte)'\r')
            {
                length--;
            }

            yield return new BlobLine(Content(buffer, lineStart, length, bufferOffset), bufferOffset + filled);
        }
    }

    /// <summary>A line's bytes; the blob's first line without a UTF-8 byte order mark it may start with.</summary>
    private static ReadOnlyMemory<byte> Content(byte[] buffer, int start, int length, long bufferOffset)
    {
        if (bufferOffset + start == 0 && length >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF)
        {
            return new ReadOnlyMemory<byte>(buffer, start + 3, length - 3);
        }

        return new ReadOnlyMemory<byte>(buffer, start, length);
    }
}
