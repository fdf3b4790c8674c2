using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Json;

/// <summary>
/// The read loop under the streaming JSON readers: one pooled buffer, refilled from the stream, unread bytes moved
/// to its front (or the buffer doubled when one item fills it), each batch of parsed items handed out before the
/// next read. A stream that ends before the parser says it is done is an incomplete response.
/// </summary>
internal static class JsonStreamPump
{
    private const int InitialBufferSize = 64 * 1024;

    public static async IAsyncEnumerable<T> ReadAsync<TState, T>(
        Stream stream,
        TState state,
        ChunkParser<TState, T> parse,
        Func<TState, bool> isDone,
        Func<MdeSiemException> incomplete,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        var batch = new List<T>();
        try
        {
            var start = 0;
            var end = 0;
            var streamEnded = false;
            while (!isDone(state))
            {
                if (!streamEnded)
                {
                    if (end == buffer.Length)
                    {
                        buffer = MakeRoom(buffer, ref start, ref end);
                    }

                    var read = await stream.ReadAsync(buffer, end, buffer.Length - end, cancellationToken).ConfigureAwait(false);
                    end += read;
                    streamEnded = read == 0;
                }

                start += parse(new ReadOnlySpan<byte>(buffer, start, end - start), ref state, batch);
                foreach (var item in batch)
                {
                    yield return item;
                }

                batch.Clear();
                if (streamEnded && !isDone(state))
                {
                    throw incomplete();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Moves the unread bytes to the front, or grows the buffer when an item fills all of it.</summary>
    private static byte[] MakeRoom(byte[] buffer, ref int start, ref int end)
    {
        var unread = end - start;
        var target = start == 0 ? ArrayPool<byte>.Shared.Rent(buffer.Length * 2) : buffer;
        Buffer.BlockCopy(buffer, start, target, 0, unread);
        if (!ReferenceEquals(target, buffer))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        start = 0;
        end = unread;
        return target;
    }
}
