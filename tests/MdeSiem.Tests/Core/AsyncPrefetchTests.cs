using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Threading;
using Xunit;

namespace MdeSiem.Tests.Core;

public sealed class AsyncPrefetchTests
{
    /// <summary>Numbers 0..count-1; every <paramref name="pauseEvery"/>-th one only after a real wait, as a network read.</summary>
    private static async IAsyncEnumerable<int> Numbers(int count, int pauseEvery, Exception? failAtEnd = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (pauseEvery > 0 && i % pauseEvery == 0)
            {
                await Task.Delay(1, cancellationToken);
            }

            yield return i;
        }

        if (failAtEnd is not null)
        {
            throw failAtEnd;
        }
    }

    private static async Task<List<int>> ReadAll(IAsyncEnumerable<int> items)
    {
        var read = new List<int>();
        await foreach (var item in items)
        {
            read.Add(item);
        }

        return read;
    }

    [Theory]
    [InlineData(0, 0, 1024)]
    [InlineData(1, 0, 1024)]
    [InlineData(5_000, 0, 1024)]    // all ready at once: full batches
    [InlineData(5_000, 7, 1024)]    // partial batches whenever the source waits
    [InlineData(1_000, 3, 1)]       // a capacity smaller than a batch
    [InlineData(300, 0, 100)]
    public async Task Every_item_arrives_once_in_order(int count, int pauseEvery, int capacity)
    {
        var read = await ReadAll(Numbers(count, pauseEvery).Prefetch(capacity));

        Assert.Equal(Enumerable.Range(0, count), read);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(200)]       // the failure comes while a partial batch is still being gathered
    [InlineData(2_000)]
    public async Task Items_before_a_failure_are_all_handed_out_before_it(int count)
    {
        var read = new List<int>();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in Numbers(count, pauseEvery: 0, new InvalidOperationException("cut off")).Prefetch(1024))
            {
                read.Add(item);
            }
        });

        Assert.Equal("cut off", failure.Message);
        Assert.Equal(Enumerable.Range(0, count), read);
    }

    [Fact]
    public async Task A_consumer_that_stops_early_ends_the_producer()
    {
        var read = new List<int>();
        await foreach (var item in Numbers(1_000_000, pauseEvery: 1000).Prefetch(1024))
        {
            read.Add(item);
            if (read.Count == 10)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 10), read);
    }
}
