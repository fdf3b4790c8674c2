using System;
using System.Management.Automation;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Output;
using MdeSiem.Output;

namespace MdeSiem;

/// <summary>
/// Base of every cmdlet that delivers records (the pull cmdlets and Get-DefenderStreamEvent): -OutFile, -OutFormat
/// and -PassThru, and the one order of an -OutFile run's end: the lines go to stable storage, then the checkpoint
/// moves, then the journal goes. Each record goes through <see cref="Deliver"/>, to the pipeline or to the file.
/// </summary>
public abstract class MdeSiemOutFileCmdlet : MdeSiemConnectedCmdlet
{
    /// <summary>
    /// Appends each record as one line to this file instead of writing it to the pipeline; with -Checkpoint, exactly
    /// once under a hard kill. A {0:yyyy-MM-dd} item in the name starts a new file each UTC day.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    /// <summary>The line format of -OutFile.</summary>
    [Parameter]
    public OutFileFormat OutFormat { get; set; } = OutFileFormat.JsonLines;

    /// <summary>With -OutFile, also writes the records to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    // The open -OutFile of this run: opened by a checkpointed read before its first record, else at the first record.
    private OutFileSession? _outFile;

    // Set by Deliver once the current record's line is in the output file (see DeliveredDespite).
    private bool _lineWritten;

    /// <summary>
    /// Opens -OutFile for a read. With <paramref name="run"/>, the lines a killed run left past the checkpoint are
    /// taken over first (they count as delivered, a torn last line goes) and reported to -Verbose.
    /// </summary>
    private protected OutFileSession? OpenOutFile(IOutFileCheckpoint? run)
    {
        if (OutFile is null)
        {
            return null;
        }

        _outFile = OutFileSession.Open(GetUnresolvedProviderPathFromPSPath(OutFile), OutFormat, run);
        _outFile.ReportRecovery(this, OutFile, run);
        return _outFile;
    }

    /// <summary>
    /// A record to the pipeline, or with -OutFile its line to the file (and the record on with -PassThru).
    /// <paramref name="key"/> and <paramref name="timeUtc"/> identify the line in a checkpointed run's journal.
    /// </summary>
    protected void Deliver(object output, string key, DateTime? timeUtc)
    {
        if (OutFile is null)
        {
            WriteObject(output);
            return;
        }

        _outFile ??= OpenOutFile(run: null);
        _outFile!.Write(output, key, timeUtc);
        _lineWritten = true;
        if (PassThru)
        {
            WriteObject(output);
        }
    }

    /// <summary>
    /// With -OutFile a record is delivered once its line is written: -PassThru's downstream commands failing or
    /// being stopped after that does not take it back (the checkpoint must count it, or the next run writes it again).
    /// </summary>
    protected override bool DeliveredDespite(Exception exception) => _lineWritten || base.DeliveredDespite(exception);

    protected override void BeginItem() => _lineWritten = false;

    /// <summary>
    /// Ends a read: the lines go to stable storage, then <paramref name="commit"/> moves the checkpoint (or saves a
    /// failed run's progress), then the journal goes. After a failed write nothing is committed: the file and its
    /// journal tell the next run, so nothing from memory is saved over them. With nothing to commit, the lines are
    /// written without waiting for the disk: no checkpoint counts on them, and an fsync of a large run's file is
    /// seconds (1 to 1.6 s for the 2 GB of 1,000,000 SIEM records on the project's machine).
    /// </summary>
    protected void CloseOutFile(IOutFileCheckpoint? run, Action? commit)
    {
        var closing = _outFile;
        _outFile = null;
        using (closing)
        {
            if (closing?.Faulted == true)
            {
                return;
            }

            if (commit is null)
            {
                closing?.WriteOut();
                return;
            }

            closing?.FlushToDisk(run);
            commit.Invoke();
            closing?.Committed();
        }
    }

    /// <summary>A read without a checkpoint appends to -OutFile and hands the last lines to the file when it ends.</summary>
    protected override void EndProcessing()
    {
        CloseOutFile(run: null, commit: null);
        base.EndProcessing();
    }

    /// <summary>A read that failed or was stopped still writes out the lines of the records it delivered.</summary>
    protected override void ReleaseResources()
    {
        try
        {
            CloseOutFile(run: null, commit: null);
        }
        catch (MdeSiemException)
        {
            // The run already failed; the write error would only hide why.
        }

        base.ReleaseResources();
    }
}
