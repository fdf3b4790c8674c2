using System.Collections.Concurrent;
using System.Threading.Channels;

namespace MdeSiem.Core.EventHubs;

/// <summary>Where the processor's partition handlers hand their batches to the reader, and its errors.</summary>
internal sealed class HubBatchQueue
{
    public Channel<HubBatch> Batches { get; } = Channel.CreateUnbounded<HubBatch>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Failures the processor reported and recovered from (a lost claim, a dropped link): for the log.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();
}
