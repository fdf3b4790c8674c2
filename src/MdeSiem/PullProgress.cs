using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using MdeSiem.Core.Http;

namespace MdeSiem;

/// <summary>
/// Write-Progress for a streaming pull: records and megabytes so far, shown from the first record and refreshed at
/// most twice a second so that progress never costs more than the pull itself. The total is unknown until the end.
/// </summary>
internal sealed class PullProgress
{
    private const long RefreshMilliseconds = 500;

    private readonly Cmdlet _cmdlet;
    private readonly string _activity;
    private readonly Stopwatch _sinceLastReport = Stopwatch.StartNew();
    private bool _shown;
    private long _records;

    public PullProgress(Cmdlet cmdlet, string activity)
    {
        _cmdlet = cmdlet;
        _activity = activity;
    }

    public PullStatistics Statistics { get; } = new();

    /// <summary>Called on the pipeline thread after each record.</summary>
    public void Tick()
    {
        _records++;
        // The first record shows the bar at once; after that, refresh on the clock.
        if (_shown && _sinceLastReport.ElapsedMilliseconds < RefreshMilliseconds)
        {
            return;
        }

        _sinceLastReport.Restart();
        _shown = true;
        _cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, Describe()));
    }

    public void Complete()
    {
        if (_shown)
        {
            _cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, Describe()) { RecordType = ProgressRecordType.Completed });
        }
    }

    // One bar per pull; PowerShell removes it when the command ends, even after a failure.
    private static int ActivityId => 0x5153;

    // Records as written down the pipeline; bytes when the core counts them into Statistics.
    private string Describe() => Statistics.Bytes == 0
        ? string.Format(CultureInfo.CurrentCulture, "{0:N0} records", _records)
        : string.Format(CultureInfo.CurrentCulture, "{0:N0} records, {1:N1} MB received", _records, Statistics.Bytes / (1024.0 * 1024.0));
}
