using System.Collections.Generic;

namespace MdeSiem.Simulator.Hosting;

/// <summary>Every answered request, appended by the middleware from many threads and read by tests.</summary>
internal sealed class RequestLog
{
    private readonly object gate = new();
    private readonly List<RecordedRequest> entries = [];

    public void Add(RecordedRequest entry)
    {
        lock (gate)
        {
            entries.Add(entry);
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (gate)
        {
            return entries.ToArray();
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }
}
