using System;
using System.Collections.Generic;
using MdeSiem.Core.Checkpoints;

namespace MdeSiem;

/// <summary>
/// Base of the cmdlets that pull records in bulk (Get-MdeSiemAlert, Get-DefenderAlert, Get-DefenderIncident): the
/// one scheduled-run flow behind -Checkpoint, whatever the API, and the reporting of window gaps (206 answers,
/// pieces that could not be read) as non-terminating errors while the records keep flowing.
/// </summary>
public abstract class MdeSiemPullCmdlet : MdeSiemConnectedCmdlet
{
    /// <summary>
    /// One checkpointed run: takes the lock, lets <paramref name="pull"/> read the run's window, skips what earlier
    /// runs delivered, and writes the rest. The checkpoint moves only once every record has gone down the pipeline
    /// (and not past a gap); a failed or stopped run keeps the old watermark and records what it did deliver.
    /// </summary>
    protected void PullWithCheckpoint<T>(
        string checkpoint,
        CheckpointScope<T> scope,
        string tenantId,
        CheckpointOptions options,
        DateTime? initialSinceUtc,
        Func<CheckpointRun, PullGapReport, IAsyncEnumerable<T>> pull,
        Func<T, object>? toOutput = null)
    {
        if (scope is null || pull is null)
        {
            throw new ArgumentNullException(scope is null ? nameof(scope) : nameof(pull));
        }

        using var run = CheckpointRun.Begin(checkpoint, scope.Api, tenantId, scope.Description, options, initialSinceUtc, DateTime.UtcNow);
        WriteVerbose($"Checkpoint {run.Path}: pulling {run.SinceUtc:o} to {run.UntilUtc:o}.");
        var gaps = new PullGapReport();
        var completed = false;
        try
        {
            WriteEachReportingGaps(
                run.SkipDelivered(pull(run, gaps), scope.KeyOf, CancellationToken),
                gaps,
                toOutput,
                item => run.MarkDelivered(scope.KeyOf(item), scope.TimeOf(item)));
            completed = true;
        }
        finally
        {
            if (completed)
            {
                run.Commit(gaps.EarliestGapUtc(run.SinceUtc));
            }
            else
            {
                run.SaveProgress();
            }
        }

        WriteVerbose($"Checkpoint {run.Path}: {run.DeliveredCount} new, {run.SkippedCount} already delivered"
            + (gaps.Count == 0 ? "." : $", {gaps.Count} gap(s): the watermark stops before the first, the next run reads it again."));
    }

    /// <summary>Writes the items as they arrive and each gap found so far as a non-terminating error.</summary>
    protected void WriteEachReportingGaps<T>(IAsyncEnumerable<T> items, PullGapReport gaps, Func<T, object>? toOutput = null, Action<T>? afterWrite = null)
    {
        if (gaps is null)
        {
            throw new ArgumentNullException(nameof(gaps));
        }

        WriteEach(items, toOutput, item =>
        {
            afterWrite?.Invoke(item);
            WriteGaps(gaps);
        });
        WriteGaps(gaps);
    }

    private void WriteGaps(PullGapReport gaps)
    {
        foreach (var gap in gaps.TakeUnreported())
        {
            WriteError(ErrorRecords.From(gap.Error));
        }
    }
}
