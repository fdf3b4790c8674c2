using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Paging;

/// <summary>
/// The one collection reader: reads a described collection with a paging strategy (one page, next links, $skip, or
/// a time window), drops what the server cannot filter, stops after -First, counts what it delivers, and puts that
/// count on any failure, so a scheduled run's log tells what came through. The next page is requested only when
/// the consumer wants more.
/// </summary>
internal sealed class CollectionReader<T>
{
    private readonly MdeSiemConnection _connection;
    private readonly CollectionDescription<T> _collection;

    public CollectionReader(MdeSiemConnection connection, CollectionDescription<T> collection)
    {
        _connection = connection;
        _collection = collection;
    }

    public CollectionDescription<T> Collection => _collection;

    /// <summary>The first request a pull sends, for -Verbose and previews.</summary>
    public Uri FirstUri(CollectionPull<T> pull) => pull.FirstUri ?? (pull.Paging == PagingStrategy.TimeWindow
        ? ODataQuery.Build(_collection.Collection, pull.Filter, pull.Window!.Property + " asc", TimeWindowPager<T>.PageSize(pull.Top), null, pull.Expand)
        : ODataQuery.Build(_collection.Collection, pull.Filter, pull.OrderBy, pull.Top, null, pull.Expand));

    public async IAsyncEnumerable<T> ReadAsync(CollectionPull<T> pull, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var statistics = pull.Statistics ?? new PullStatistics();
        var source = pull.Paging switch
        {
            PagingStrategy.TimeWindow => new TimeWindowPager<T>(this, pull, statistics).ReadAsync(cancellationToken),
            PagingStrategy.Skip => BySkipAsync(pull, statistics, cancellationToken),
            _ => ByNextLinkAsync(pull, statistics, followLinks: pull.Paging == PagingStrategy.NextLink, cancellationToken),
        };
        var items = source.GetAsyncEnumerator(cancellationToken);
        long delivered = 0;
        try
        {
            while (true)
            {
                try
                {
                    if (!await items.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (MdeSiemException exception) when (delivered > 0)
                {
                    throw exception.AddDeliveredCount(delivered);
                }

                var item = items.Current;
                if (pull.Keep is { } keep && !keep(item))
                {
                    continue;
                }

                statistics.AddRecord();
                delivered++;
                yield return item;
                if (pull.First is { } first && delivered >= first)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await items.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One page of the collection; a 206 is reported to <paramref name="onPartial"/>.</summary>
    internal IAsyncEnumerable<T> ReadPageAsync(Uri uri, ODataPageLinks links, Action<MdeSiemException>? onPartial, PullStatistics statistics, CancellationToken cancellationToken) =>
        PageReader.ReadAsync(_connection.Http, _connection.BodyTimeout, ServiceRequest.Get(_collection.Api, uri, _collection.Permission), _collection.Parse, links, onPartial, statistics, cancellationToken);

    private static Action<MdeSiemException>? GapReporter(PullGapReport? gaps) => gaps is null ? null : error => gaps.Add(new WindowGap(null, null, error));

    /// <summary>
    /// Follows next links (or reads one page). When a page with $expand fails on the service's side, the page is
    /// read again without it (skipping what was written) and each item completed on its own, for the rest of the pull.
    /// </summary>
    private async IAsyncEnumerable<T> ByNextLinkAsync(CollectionPull<T> pull, PullStatistics statistics, bool followLinks, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? uri = FirstUri(pull);
        var acceptedOnce = false;
        var expandFailed = false;
        var canDropExpand = pull.Expand is not null && pull.WithoutExpand is not null;
        var alreadyWritten = new HashSet<string>(StringComparer.Ordinal);
        while (uri is not null)
        {
            var links = new ODataPageLinks();
            var page = ReadPageAsync(uri, links, GapReporter(pull.Gaps), statistics, cancellationToken).GetAsyncEnumerator(cancellationToken);
            var expandBroke = false;
            try
            {
                while (true)
                {
                    try
                    {
                        if (!await page.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (MdeSiemException exception) when (canDropExpand && !expandFailed && !cancellationToken.IsCancellationRequested && PagingFailures.CanWorkAround(exception, acceptedOnce))
                    {
                        expandBroke = true;
                        break;
                    }

                    var item = page.Current;
                    if (canDropExpand && !alreadyWritten.Add(_collection.IdOf(item) ?? string.Empty))
                    {
                        continue;
                    }

                    yield return expandFailed ? await pull.WithoutExpand!(item, cancellationToken).ConfigureAwait(false) : item;
                }
            }
            finally
            {
                await page.DisposeAsync().ConfigureAwait(false);
            }

            if (expandBroke)
            {
                expandFailed = true;
                uri = PagingFailures.WithoutExpand(uri);
                continue;
            }

            acceptedOnce = true;
            alreadyWritten.Clear();
            uri = followLinks && links.NextLink is not null ? new Uri(links.NextLink) : null;
        }
    }

    /// <summary>
    /// Pages with $top and $skip until a page is shorter than $top. Items that arrive mid-pull push older ones to
    /// later offsets, so one can come back on the next page: it is dropped by id, so each item is delivered once.
    /// </summary>
    private async IAsyncEnumerable<T> BySkipAsync(CollectionPull<T> pull, PullStatistics statistics, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pageSize = pull.Top ?? throw new ArgumentException("Paging by $skip needs $top.", nameof(pull));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skip = 0;
        while (true)
        {
            var count = 0;
            var uri = ODataQuery.Build(_collection.Collection, pull.Filter, pull.OrderBy, pageSize, skip, pull.Expand);
            await foreach (var item in ReadPageAsync(uri, new ODataPageLinks(), GapReporter(pull.Gaps), statistics, cancellationToken).ConfigureAwait(false))
            {
                count++;
                if (_collection.IdOf(item) is { } id && !seen.Add(id))
                {
                    continue;
                }

                yield return item;
            }

            if (count < pageSize)
            {
                yield break;
            }

            skip += count;
        }
    }
}
