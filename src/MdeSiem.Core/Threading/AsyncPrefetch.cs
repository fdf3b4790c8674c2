using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace MdeSiem.Core.Threading;

/// <summary>
/// Runs a stream's producer (network reads and parsing) on a worker while the consumer (the PowerShell pipeline)
/// handles earlier items, with a bounded queue between them so memory stays flat. Items produced before a failure
/// are all handed out before the failure is rethrown, in order.
/// </summary>
/// <remarks>
/// Items cross between the threads in batches: everything the producer has ready at once (a network read parses
/// into several records) goes as one hand-over. One item at a time cost a lock and, whenever the consumer had
/// caught up, a thread wake-up per record, which was more than parsing the record. A batch is handed over as soon
/// as the producer would have to wait, so no item waits for the ones after it.
/// </remarks>
public static class AsyncPrefetch
{
    /// <summary>The most items handed over at once.</summary>
    public const int MaxBatch = 128;

    public static async IAsyncEnumerable<T> Prefetch<T>(
        this IAsyncEnumerable<T> source,
        int capacity,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity));
        }

        // At most `capacity` items ahead, counted in whole batches.
        var batchSize = Math.Min(MaxBatch, capacity);
        var channel = Channel.CreateBounded<List<T>>(new BoundedChannelOptions(Math.Max(1, capacity / batchSize))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        using var stopProducer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(source, channel.Writer, batchSize, stopProducer.Token), CancellationToken.None);
        try
        {
            // WaitToReadAsync rethrows the producer's failure once every queued batch has been read.
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    foreach (var item in batch)
                    {
                        yield return item;
                    }
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

    private static async Task ProduceAsync<T>(IAsyncEnumerable<T> source, ChannelWriter<List<T>> writer, int batchSize, CancellationToken cancellationToken)
    {
        var batch = new List<T>(batchSize);
        Exception? failure = null;
        try
        {
            var items = source.GetAsyncEnumerator(cancellationToken);
            await using var disposeItems = items.ConfigureAwait(false);
            while (true)
            {
                var next = items.MoveNextAsync();
                if (!next.IsCompleted && batch.Count > 0)
                {
                    // The next item is not ready (a network read is pending): hand over what is.
                    await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch = new List<T>(batchSize);
                }

                if (!await next.ConfigureAwait(false))
                {
                    break;
                }

                batch.Add(items.Current);
                if (batch.Count == batchSize)
                {
                    await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                    batch = new List<T>(batchSize);
                }
            }
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        // The items read before a failure still go out, ahead of it.
        if (batch.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await writer.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                failure ??= exception;
            }
        }

        writer.TryComplete(failure);
    }
}
