using System.Collections.Concurrent;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.Hunting;

/// <summary>
/// What a hunting run learned besides its rows, collected on the thread that reads the answers and taken by the
/// pipeline thread: the schema (of the first answer) and each result that reached the row limit.
/// </summary>
public sealed class HuntingRunReport
{
    private readonly ConcurrentQueue<MdeSiemException> _cuts = new();
    private volatile HuntingSchema? _schema;

    public HuntingSchema? Schema => _schema;

    /// <summary>Rows and bytes received so far, for Write-Progress (rows of a window run again count again).</summary>
    public PullStatistics Statistics { get; set; } = new();

    /// <summary>How many queries were sent (one per window, more when a window was split again).</summary>
    public int Requests { get; internal set; }

    public bool TryTakeCut(out MdeSiemException? cut) => _cuts.TryDequeue(out cut);

    internal void SetSchema(HuntingSchema schema)
    {
        if (_schema is null)
        {
            _schema = schema;
        }
    }

    internal void AddCut(MdeSiemException cut) => _cuts.Enqueue(cut);
}
