using System;
using System.Collections.Generic;
using System.Threading;
using MdeSiem.Core.Checkpoints;

namespace MdeSiem.Core.Paging;

/// <summary>
/// What a list cmdlet asks of a collection's client (Graph alerts and incidents, Defender for Endpoint alerts,
/// Defender XDR incidents): a list pull, a checkpointed run's window, the scope such a run is recorded under, and
/// the request URIs -Verbose shows.
/// </summary>
public interface IListClient<TItem, in TQuery>
{
    Uri CollectionUri { get; }

    /// <summary>The first request a list pull of the query sends, for -Verbose and previews.</summary>
    Uri FirstRequestUri(TQuery query);

    /// <summary>Streams the records of the query; what could not be read, where the API reports it, goes to <paramref name="gaps"/>.</summary>
    IAsyncEnumerable<TItem> ListAsync(TQuery query, PullGapReport gaps, CancellationToken cancellationToken);

    /// <summary>Streams the records updated in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>), oldest change first: a checkpointed run's window.</summary>
    IAsyncEnumerable<TItem> ListUpdatedInWindowAsync(TQuery query, DateTime fromUtc, DateTime untilUtc, PullGapReport gaps, CancellationToken cancellationToken);

    /// <summary>The checkpoint scope of the query: its filters, without the time bounds a run sets.</summary>
    CheckpointScope<TItem> CheckpointScopeOf(TQuery query);
}
