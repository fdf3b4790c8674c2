using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;
using MdeSiem.Core.Threading;

namespace MdeSiem;

/// <summary>
/// Base of every MdeSiem cmdlet: owns cancellation (Ctrl+C stops a pull at once), finds the connection, runs the
/// async core on the pipeline thread, relays the core's log lines to -Verbose, and maps failures to ErrorRecords.
/// Nothing here calls Write* from another thread: background work queues, the pipeline thread writes.
/// </summary>
public abstract class MdeSiemCmdlet : PSCmdlet, IDisposable
{
    // How often the pipeline thread wakes while it waits on the core, to show verbose lines as they happen.
    private static readonly TimeSpan LogDrainInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The most items parsed ahead of the pipeline: enough to keep both threads busy, few enough to keep memory flat.</summary>
    protected const int MaxReadAhead = 1024;

    private readonly CancellationTokenSource _cancellation = new();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly ConcurrentQueue<string> _warnings = new();

    // Set by the continuation of the task the pipeline thread waits on. One reused event: a task's own
    // AsyncWaitHandle is a new OS event per wait (one per batch of records), left for the finalizer to close.
    private readonly ManualResetEventSlim _taskCompleted = new(false);
    private Action? _signalTaskCompleted;

    /// <summary>The connection a cmdlet was asked to use instead of the default (see MdeSiemConnectedCmdlet).</summary>
    protected virtual ConnectionArgument? RequestedConnection => null;

    protected CancellationToken CancellationToken => _cancellation.Token;

    internal SessionStore Session => SessionStore.ForCurrentRunspace();

    public void Dispose()
    {
        ReleaseResources();
        _cancellation.Dispose();
        _taskCompleted.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs <see cref="BeginProcessingCore"/> with the log relayed and failures mapped, as every record is.</summary>
    protected override void BeginProcessing() => RunMapped(BeginProcessingCore);

    protected sealed override void ProcessRecord() => RunMapped(ProcessRecordCore);

    /// <summary>Runs <see cref="EndProcessingCore"/> with the log relayed and failures mapped, as every record is.</summary>
    protected override void EndProcessing() => RunMapped(EndProcessingCore);

    /// <summary>Work before the first input object; throw <see cref="MdeSiemException"/> for expected failures.</summary>
    protected virtual void BeginProcessingCore()
    {
    }

    /// <summary>Work after the last input object; throw <see cref="MdeSiemException"/> for expected failures.</summary>
    protected virtual void EndProcessingCore()
    {
    }

    /// <summary>
    /// The one wrapper of the engine's entry points: verbose lines from the core go to -Verbose, an expected failure
    /// becomes its ErrorRecord, Ctrl+C ends quietly, and anything else is MdeSiem.UnexpectedError, never a stack trace.
    /// </summary>
    private void RunMapped(Action work)
    {
        var previousLog = RequestLog.Current;
        RequestLog.Current = _log.Enqueue;
        try
        {
            work();
        }
        catch (MdeSiemException exception)
        {
            FlushLog();
            ThrowTerminatingError(ErrorRecords.From(exception));
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // The user pressed Ctrl+C; the engine is already stopping the pipeline.
        }
        catch (Exception exception) when (exception is not RuntimeException)
        {
            // RuntimeException covers the engine's own (ThrowTerminatingError, pipeline stopped): let those pass.
            FlushLog();
            ThrowTerminatingError(ErrorRecords.Unexpected(exception, null));
        }
        finally
        {
            RequestLog.Current = previousLog;
        }

        FlushLog();
    }

    protected override void StopProcessing() => _cancellation.Cancel();

    /// <summary>
    /// Runs when the engine disposes the cmdlet at the end of the pipeline, after a failure or Ctrl+C too: the place
    /// to close what a pull opened.
    /// </summary>
    protected virtual void ReleaseResources()
    {
    }

    /// <summary>The work of one input object; throw <see cref="MdeSiemException"/> for expected failures.</summary>
    protected abstract void ProcessRecordCore();

    /// <summary>The connection named by -Connection or the session's default, or a terminating error.</summary>
    protected MdeSiemConnection RequireConnection()
    {
        var requested = RequestedConnection;
        if (requested is not null)
        {
            var chosen = requested.Connection ?? Session.Find(requested.Name ?? string.Empty);
            if (chosen is null)
            {
                ThrowTerminatingError(ErrorRecords.ConnectionNotFound(requested.Name ?? string.Empty));
            }

            if (!chosen!.IsConnected)
            {
                ThrowTerminatingError(ErrorRecords.NotConnected());
            }

            return chosen!;
        }

        var connection = Session.Connection;
        if (connection is null)
        {
            ThrowTerminatingError(ErrorRecords.NotConnected());
        }

        return connection!;
    }

    /// <summary>Queues a warning from any thread; the pipeline thread writes it with the log lines.</summary>
    protected void QueueWarning(string text) => _warnings.Enqueue(text);

    /// <summary>Waits for a core task on the pipeline thread, showing its log lines while it runs.</summary>
    protected T Await<T>(Task<T> task)
    {
        WaitRelayingLog(task);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Writes each item of a core stream to the pipeline as soon as it arrives. The stream is read and parsed on a
    /// worker a bounded number of items ahead, so parsing and the downstream commands run side by side.
    /// </summary>
    /// <param name="items">The core's stream.</param>
    /// <param name="toOutput">Turns an item into what is written, when that differs from the item.</param>
    /// <param name="afterWrite">Runs once the item has gone through the downstream commands.</param>
    protected void WriteEach<T>(IAsyncEnumerable<T> items, Func<T, object>? toOutput = null, Action<T>? afterWrite = null) =>
        HandEach(items, item => WriteRecord(toOutput is null ? item! : toOutput(item)), afterWrite);

    /// <summary>
    /// As <see cref="WriteEach{T}"/>, when an item is not always an output object: <paramref name="write"/> decides
    /// what goes to which stream. <paramref name="afterWrite"/> runs once the item has gone through the downstream
    /// commands, also for the item a downstream Select-Object -First took before it stopped the pipeline.
    /// </summary>
    protected void HandEach<T>(IAsyncEnumerable<T> items, Action<T> write, Action<T>? afterWrite = null)
    {
        var enumerator = items.Prefetch(ReadAhead, CancellationToken).GetAsyncEnumerator(CancellationToken);
        try
        {
            while (Await(enumerator.MoveNextAsync()))
            {
                var item = enumerator.Current;
                BeginItem();
                try
                {
                    write(item);
                }
                catch (Exception exception) when (afterWrite is not null && DeliveredDespite(exception))
                {
                    afterWrite(item);
                    throw;
                }

                afterWrite?.Invoke(item);
            }
        }
        finally
        {
            var disposal = enumerator.DisposeAsync();
            if (!disposal.IsCompleted)
            {
                WaitRelayingLog(disposal.AsTask());
            }
        }
    }

    /// <summary>
    /// Whether the item whose write threw <paramref name="exception"/> was delivered all the same. A downstream
    /// command that needs no more (Select-Object -First) took it and then stopped the pipeline: delivered. Ctrl+C
    /// (Stopping) stops before it is passed on, and a downstream command's failure means it was not taken.
    /// </summary>
    protected virtual bool DeliveredDespite(Exception exception) => exception is PipelineStoppedException && !Stopping;

    /// <summary>Runs before each item of <see cref="HandEach{T}"/> is written (a derived cmdlet forgets the last one's state).</summary>
    protected virtual void BeginItem()
    {
    }

    /// <summary>
    /// How many items <see cref="HandEach{T}"/> reads ahead of the pipeline (at most <see cref="MaxReadAhead"/>). Read-ahead
    /// spends requests before the pipeline asks for them, so a paged pull bounds it by its page size.
    /// </summary>
    protected virtual int ReadAhead => MaxReadAhead;

    /// <summary>Where <see cref="WriteEach"/> delivers a record: the pipeline, unless a derived cmdlet says otherwise.</summary>
    protected virtual void WriteRecord(object output) => WriteObject(output);

    /// <summary>
    /// Every MdeSiem cmdlet's WriteWarning: hides Cmdlet.WriteWarning so that -Debug cannot turn a warning into a
    /// prompt (see <see cref="PromptFreeStreams"/>).
    /// </summary>
    public new void WriteWarning(string text) => PromptFreeStreams.Warning(this, text);

    /// <summary>Every MdeSiem cmdlet's WriteVerbose, prompt-free under -Debug like <see cref="WriteWarning"/>.</summary>
    public new void WriteVerbose(string text) => PromptFreeStreams.Verbose(this, text);

    internal void WriteWarningToStream(string text) => base.WriteWarning(text);

    internal void WriteVerboseToStream(string text) => base.WriteVerbose(text);

    protected void FlushLog()
    {
        while (_warnings.TryDequeue(out var warning))
        {
            WriteWarning(warning);
        }

        while (_log.TryDequeue(out var line))
        {
            WriteVerbose(line);
        }
    }

    private bool Await(ValueTask<bool> pending)
    {
        // Most items come from an already-parsed batch: skip the Task allocation on that hot path.
        if (pending.IsCompleted)
        {
            return pending.GetAwaiter().GetResult();
        }

        return Await(pending.AsTask());
    }

    // Runs on the thread that completes the task, possibly after a stopped pipeline has disposed this cmdlet: an
    // exception there would take the whole process down.
    private void SignalTaskCompleted()
    {
        try
        {
            _taskCompleted.Set();
        }
        catch (ObjectDisposedException)
        {
            // Nobody waits any more.
        }
    }

    private void WaitRelayingLog(Task task)
    {
        if (!task.IsCompleted)
        {
            _taskCompleted.Reset();
            task.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(_signalTaskCompleted ??= SignalTaskCompleted);

            // A continuation runs only after its task has completed, so a late signal from an earlier task (seen as
            // a wake-up while this one still runs) is reset and waited past.
            while (!task.IsCompleted)
            {
                if (_taskCompleted.Wait(LogDrainInterval))
                {
                    _taskCompleted.Reset();
                }
                else
                {
                    FlushLog();
                }
            }
        }

        FlushLog();
    }
}
