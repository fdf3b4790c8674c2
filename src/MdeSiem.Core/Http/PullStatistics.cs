using System.Threading;

namespace MdeSiem.Core.Http;

/// <summary>
/// Counters of one pull, updated by the core as it reads and read by the cmdlet for Write-Progress. Written on
/// whichever thread reads the response, so access is atomic.
/// </summary>
public sealed class PullStatistics
{
    private long _records;
    private long _bytes;

    public long Records => Interlocked.Read(ref _records);

    public long Bytes => Interlocked.Read(ref _bytes);

    internal void AddRecord() => Interlocked.Increment(ref _records);

    internal void AddBytes(long count) => Interlocked.Add(ref _bytes, count);
}
