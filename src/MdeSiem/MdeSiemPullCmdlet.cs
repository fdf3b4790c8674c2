using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Output;
using MdeSiem.Output;
using MdeSiem.Core.Errors;

namespace MdeSiem;

/// <summary>
/// Base of the cmdlets that pull records in bulk (Get-MdeSiemAlert, Get-DefenderAlert, Get-DefenderIncident,
/// Get-MdeAlert, Get-MdeIncident): the -Checkpoint parameter set and the one scheduled-run flow behind it, whatever
/// the API, and the reporting of window gaps (206 answers, pieces that could not be read) as non-terminating errors
/// while the records keep flowing.
/// </summary>
public abstract class MdeSiemPullCmdlet : MdeSiemOutFileCmdlet
{
    /// <summary>The parameter set of scheduled runs; a derived cmdlet adds its filters to it.</summary>
    protected const string CheckpointSet = "Checkpoint";

    /// <summary>A checkpoint file path, or a name in the state folder: each run delivers only what is new or changed.</summary>
    [Parameter(Mandatory = true, ParameterSetName = CheckpointSet)]
    [ValidateNotNullOrEmpty]
    public string? Checkpoint { get; set; }

    [Parameter(ParameterSetName = CheckpointSet)]
    public TimeSpan CheckpointOverlap { get; set; } = new CheckpointOptions().Overlap;

    [Parameter(ParameterSetName = CheckpointSet)]
    public TimeSpan AvailabilityLag { get; set; } = new CheckpointOptions().AvailabilityLag;

    // The journal identity of the record being written (checkpoint runs with -OutFile).
    private string _recordKey = string.Empty;
    private DateTime? _recordTime;
    /// <summary>The progress bar's activity for a pull that shows none of its own (Get-MdeSiemAlert shows its own).</summary>
    protected virtual string? ProgressActivity => null;

    /// <summary>
    /// The records per page this pull asks the service for, when it pages. Read-ahead is bounded to one page (and
    /// <see cref="MdeSiemCmdlet.MaxReadAhead"/>): one page waits in the queue and at most one more is being read, so a
    /// consumer that stops (Select-Object -First) or is slow has cost at most two requests it did not use. Every
    /// request counts against the tenant's call budget (150 a minute on Graph's security API).
    /// </summary>
    protected virtual int? PageSize => null;

    protected sealed override int ReadAhead => PageSize is int pageSize ? Math.Max(1, Math.Min(pageSize, MaxReadAhead)) : MaxReadAhead;

    /// <summary>True when the cmdlet was called with -Checkpoint.</summary>
    protected bool IsCheckpointRun => ParameterSetName == CheckpointSet;
    /// <summary>
    /// One checkpointed run: takes the lock, lets <paramref name="pull"/> read the run's window, skips what earlier
    /// runs delivered, and writes the rest. The checkpoint moves only once every record has gone down the pipeline
    /// (and not past a gap); a failed or stopped run keeps the old watermark and records what it did deliver.
    /// </summary>
    protected void PullWithCheckpoint<T>(
        CheckpointScope<T> scope,
        string tenantId,
        DateTime? initialSinceUtc,
        Func<CheckpointRun, PullGapReport, IAsyncEnumerable<T>> pull,
        Func<T, object>? toOutput = null)
    {
        if (scope is null || pull is null)
        {
            throw new ArgumentNullException(scope is null ? nameof(scope) : nameof(pull));
        }

        var options = new CheckpointOptions { Overlap = CheckpointOverlap, AvailabilityLag = AvailabilityLag };
        using var run = CheckpointRun.Begin(Checkpoint!, scope.Api, tenantId, scope.Description, options, initialSinceUtc, DateTime.UtcNow);
        WriteVerbose($"Checkpoint {run.Path}: pulling {run.SinceUtc:o} to {run.UntilUtc:o}.");
        OpenOutFile(run);
        var gaps = new PullGapReport();
        var completed = false;
        try
        {
            WriteEachReportingGaps(
                run.SkipDelivered(pull(run, gaps), scope.KeyOf, CancellationToken),
                gaps,
                item =>
                {
                    _recordKey = scope.KeyOf(item);
                    _recordTime = scope.TimeOf(item);
                    return toOutput is null ? item! : toOutput(item);
                },
                item => run.MarkDelivered(scope.KeyOf(item), scope.TimeOf(item)));
            completed = true;
        }
        finally
        {
            // A failed or stopped run keeps the old watermark and records what it did deliver.
            CloseOutFile(run, completed ? () => run.Commit(gaps.EarliestGapUtc(run.SinceUtc)) : run.SaveProgress);
        }

        WriteVerbose($"Checkpoint {run.Path}: {run.DeliveredCount} new, {run.SkippedCount} already delivered"
            + (gaps.Count == 0 ? "." : $", {gaps.Count} gap(s): the watermark stops before the first, the next run reads it again."));
    }

    /// <summary>Every record of a pull: to the pipeline, or with -OutFile to the file (see <see cref="MdeSiemOutFileCmdlet"/>).</summary>
    protected override void WriteRecord(object output) => Deliver(output, _recordKey, _recordTime);

    /// <summary>
    /// The ById path: reads each id on its own. An id the service does not know or refuses (404, 400) is a
    /// non-terminating error with the id as its target and the ids after it are still read; a failure that would
    /// fail every id alike (sign-in, permission, throttling, network) ends the command.
    /// </summary>
    protected void ReadEachId<TId, TItem>(IEnumerable<TId> ids, Func<TId, string> describe, Func<TId, Task<TItem>> read)
    {
        if (ids is null || describe is null || read is null)
        {
            throw new ArgumentNullException(ids is null ? nameof(ids) : describe is null ? nameof(describe) : nameof(read));
        }

        foreach (var id in ids)
        {
            WriteVerbose(describe(id));
            TItem item;
            try
            {
                item = Await(read(id));
            }
            catch (MdeSiemException exception) when (exception.Code is ErrorCode.NotFound or ErrorCode.BadRequest or ErrorCode.InvalidArgument)
            {
                FlushLog();
                WriteError(ErrorRecords.From(exception, id));
                continue;
            }

            WriteRecord(item!);
        }
    }

    /// <summary>Writes the items as they arrive and each gap found so far as a non-terminating error.</summary>
    protected void WriteEachReportingGaps<T>(IAsyncEnumerable<T> items, PullGapReport gaps, Func<T, object>? toOutput = null, Action<T>? afterWrite = null)
    {
        if (gaps is null)
        {
            throw new ArgumentNullException(nameof(gaps));
        }

        var progress = ProgressActivity is { } activity ? new PullProgress(this, activity) : null;
        WriteEach(items, toOutput, item =>
        {
            afterWrite?.Invoke(item);
            progress?.Tick();
            WriteGaps(gaps);
        });
        WriteGaps(gaps);
        progress?.Complete();
    }

    private void WriteGaps(PullGapReport gaps)
    {
        foreach (var gap in gaps.TakeUnreported())
        {
            WriteError(ErrorRecords.From(gap.Error));
        }
    }
}
