using System.Collections.Concurrent;
using System.Threading.Channels;

namespace MdeSiem.Core.EventHubs;

/// <summary>Where the processor's partition handlers hand their batches to the reader, and its errors.</summary>
internal sealed class HubBatchQueue
{
    private bool _stopping;

    public Channel<HubBatch> Batches { get; } = Channel.CreateUnbounded<HubBatch>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Set before the reader stops the processor: handlers then checkpoint what was delivered.</summary>
    public bool Stopping
    {
        get => System.Threading.Volatile.Read(ref _stopping);
        set => System.Threading.Volatile.Write(ref _stopping, value);
    }

    /// <summary>Failures the processor reported and recovered from (a lost claim, a dropped link): for the log.</summary>
    public ConcurrentQueue<string> Problems { get; } = new();
}
