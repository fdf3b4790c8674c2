using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace MdeSiem.Core.Streaming;

/// <summary>
/// Runs a stream's producer (network reads and parsing) on a worker while the consumer (the PowerShell pipeline)
/// handles earlier items, with a bounded queue between them so memory stays flat. Items produced before a failure
/// are all handed out before the failure is rethrown, in order.
/// </summary>
public static class AsyncPrefetch
{
    public static async IAsyncEnumerable<T> Prefetch<T>(
        this IAsyncEnumerable<T> source,
        int capacity,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stopProducer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(source, channel.Writer, stopProducer.Token), CancellationToken.None);
        try
        {
            // WaitToReadAsync rethrows the producer's failure once every queued item has been read.
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            // The consumer stopped early (Select-Object -First, Ctrl+C) or finished: end the producer either way.
            stopProducer.Cancel();
            await producer.ConfigureAwait(false);
        }
    }

    private static async Task ProduceAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await writer.WriteAsync(item, cancellationToken).ConfigureAwait(false);
            }

            writer.TryComplete();
        }
        catch (Exception exception)
        {
            writer.TryComplete(exception);
        }
    }
}
