using System;
using System.Collections.Generic;
using System.Management.Automation;
using MdeSiem.Core.Forwarding;
using MdeSiem.Core.Output;
using MdeSiem.Forwarding;

namespace MdeSiem.Output;

/// <summary>
/// A pull's -OutFile: formats each record as its line and appends it. With a checkpoint, lines are journaled beside
/// the checkpoint and on stable storage before the checkpoint that covers them moves (see <see cref="OutFileWriter"/>);
/// without one, the file is simply appended to, and the operating system puts it on disk in its own time.
/// </summary>
internal sealed class OutFileSession : IDisposable
{
    private readonly OutFileWriter _writer;
    private readonly RecordLineFormatter _formatter;
    private readonly TypedJsonLineWriter? _typedJsonLines;

    private OutFileSession(OutFileWriter writer, RecordLineFormatter formatter, OutFileFormat format)
    {
        _writer = writer;
        _formatter = formatter;
        _typedJsonLines = format == OutFileFormat.JsonLines ? new TypedJsonLineWriter() : null;
    }

    /// <summary>What the opening found of a killed run's lines (null without a checkpoint).</summary>
    public OutFileRecovery? Recovery { get; private set; }

    public bool Faulted => _writer.Faulted;

    /// <summary>
    /// Opens the output of one pull. With <paramref name="run"/>, what a killed run left past the checkpoint is
    /// taken over first: its complete lines count as delivered in <paramref name="run"/>, a torn line is cut off.
    /// Any checkpoint serves (record keys, blob offsets, partition positions): see <see cref="IOutFileCheckpoint"/>.
    /// </summary>
    public static OutFileSession Open(string outFile, OutFileFormat format, IOutFileCheckpoint? run)
    {
        var name = OutFileName.Parse(outFile);
        var formatter = new RecordLineFormatter(format);
        if (run is null)
        {
            formatter.AdoptHeaderOf(name.PathAt(DateTime.UtcNow));
            return new OutFileSession(new OutFileWriter(name, journal: null, new Dictionary<string, long>(), () => DateTime.UtcNow), formatter, format);
        }

        var session = new OutFileSession(new OutFileWriter(name, new DeliveryJournal(run.Path + ".outfile"), run.CoveredOutputs, () => DateTime.UtcNow), formatter, format);
        session.Recovery = session._writer.Recover();

        // Only once a torn last line is cut off: a killed run's first write may have torn the header itself.
        formatter.AdoptHeaderOf(name.PathAt(DateTime.UtcNow));
        foreach (var entry in session.Recovery.Delivered)
        {
            run.AdoptDelivered(entry);
        }

        return session;
    }

    /// <summary>
    /// Tells the user what opening found of a killed run's lines: -Verbose for lines kept and a torn line removed, a
    /// warning for lines with no journal entry (their records may be written again).
    /// </summary>
    public void ReportRecovery(MdeSiemCmdlet cmdlet, string shownName, IOutFileCheckpoint? run)
    {
        if (cmdlet is null)
        {
            throw new ArgumentNullException(nameof(cmdlet));
        }

        if (Recovery is { } recovery && (recovery.Delivered.Count > 0 || recovery.TrimmedBytes > 0 || recovery.UnaccountedLines > 0))
        {
            cmdlet.WriteVerbose($"{shownName}: {recovery.Delivered.Count} line(s) of an interrupted run kept and counted as delivered, {recovery.TrimmedBytes} byte(s) of a torn line removed.");
            if (recovery.UnaccountedLines > 0)
            {
                cmdlet.WriteWarning($"{shownName} has {recovery.UnaccountedLines} line(s) past the checkpoint with no journal entry ({run?.Path}.outfile is missing): they are kept, and their records may be written again.");
            }
        }
    }

    /// <summary>Appends the record's line; <paramref name="key"/> and <paramref name="timeUtc"/> identify it in the journal.</summary>
    public void Write(object output, string key, DateTime? timeUtc)
    {
        // PowerShell objects (the SIEM records carry fields this version does not know as note properties) are read
        // through PowerShell's adapters; typed records directly.
        if (_typedJsonLines is not null && output is not PSObject && output is not IFieldSource)
        {
            // The hot path: a typed record's JSON line straight from its properties, no field set or string.
            _writer.WriteLine(key, timeUtc, _typedJsonLines.Format(output));
            return;
        }

        var line = _formatter.Format(output is PSObject wrapped ? PSObjectFields.From(wrapped) : output);
        var header = _formatter.Header;
        _writer.WriteLine(key, timeUtc, line, header is null ? null : () => header);
    }

    /// <summary>Puts every line of this run on stable storage; with a checkpoint, records the file lengths in it.</summary>
    public void FlushToDisk(IOutFileCheckpoint? run)
    {
        var lengths = _writer.FlushToDisk();
        run?.RecordOutputs(lengths);
    }

    /// <summary>Ends a run that nothing will be committed for: its lines go to the file, not waiting for the disk.</summary>
    public void WriteOut() => _writer.WriteOut();

    /// <summary>The checkpoint covers every line now: the journal is no longer needed.</summary>
    public void Committed() => _writer.ForgetJournal();

    public void Dispose()
    {
        _writer.Dispose();
        _typedJsonLines?.Dispose();
    }
}
