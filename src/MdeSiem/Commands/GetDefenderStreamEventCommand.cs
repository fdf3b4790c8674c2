using System;
using System.Collections.Generic;
using System.Management.Automation;
using MdeSiem.Completers;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;
using MdeSiem.Core.EventHubs;
using MdeSiem.Core.Output;
using MdeSiem.Core.StreamingApi;
using MdeSiem.Output;
using MdeSiem.StreamingApi;

namespace MdeSiem.Commands;

/// <summary>
/// Reads the Advanced Hunting events the Defender XDR Streaming API exported to a storage account, one object per
/// record, streamed from the hourly blobs, or sent to an event hub, one object per record of each event. With
/// -Checkpoint, each run delivers only what is new since the last one. Both destinations are one cmdlet because they
/// give the same objects; the hub's own parameter sets (EventHub, EventHubConnectionString) are handled in the
/// core's HubStreamReader.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DefenderStreamEvent", DefaultParameterSetName = AccountSet)]
[OutputType(typeof(AlertInfoEvent), typeof(AlertEvidenceEvent), typeof(PSObject))]
public sealed class GetDefenderStreamEventCommand : MdeSiemOutFileCmdlet
{
    private const string AccountSet = "StorageAccount";
    private const string SasSet = "SasUri";
    private const string ConnectionStringSet = "ConnectionString";
    private const string HubSet = "EventHub";
    private const string HubConnectionStringSet = "EventHubConnectionString";

    /// <summary>The Advanced Hunting table: AlertInfo, AlertEvidence, DeviceEvents, ... (for a hub: every table when left out).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = AccountSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = SasSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ConnectionStringSet)]
    [Parameter(Position = 0, ParameterSetName = HubSet)]
    [Parameter(Position = 0, ParameterSetName = HubConnectionStringSet)]
    [Alias("Table")]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(StreamTableCompleter))]
    public string EventType { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = AccountSet)]
    [ValidateNotNullOrEmpty]
    public string StorageAccountName { get; set; } = string.Empty;

    /// <summary>Another blob endpoint for the account (an emulator, a private endpoint).</summary>
    [Parameter(ParameterSetName = AccountSet)]
    [ValidateNotNull]
    public Uri? BlobServiceUri { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = SasSet)]
    [ValidateNotNull]
    public Uri? SasUri { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ConnectionStringSet)]
    [ValidateNotNullOrEmpty]
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The Event Hubs namespace the Streaming API sends to: its name or its host name.</summary>
    [Parameter(Mandatory = true, ParameterSetName = HubSet)]
    [ValidateNotNullOrEmpty]
    public string EventHubNamespace { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ParameterSetName = HubSet)]
    [Parameter(ParameterSetName = HubConnectionStringSet)]
    [ValidateNotNullOrEmpty]
    public string? EventHubName { get; set; }

    /// <summary>A shared access policy's connection string (Listen rights), for the namespace or the hub.</summary>
    [Parameter(Mandatory = true, ParameterSetName = HubConnectionStringSet)]
    [ValidateNotNullOrEmpty]
    public string EventHubConnectionString { get; set; } = string.Empty;

    [Parameter(ParameterSetName = HubSet)]
    [Parameter(ParameterSetName = HubConnectionStringSet)]
    [ValidateNotNullOrEmpty]
    public string ConsumerGroup { get; set; } = EventHubTarget.DefaultConsumerGroup;

    /// <summary>Keep reading new events (until Ctrl+C or -MaxWait) instead of stopping at what was there at the start.</summary>
    [Parameter(ParameterSetName = HubSet)]
    [Parameter(ParameterSetName = HubConnectionStringSet)]
    public SwitchParameter Follow { get; set; }

    /// <summary>With -Follow, stop after this long without a new event.</summary>
    [Parameter(ParameterSetName = HubSet)]
    [Parameter(ParameterSetName = HubConnectionStringSet)]
    public TimeSpan MaxWait { get; set; }

    /// <summary>A blob container shared by every consumer of the hub (ownership and checkpoints), by URL or by name.</summary>
    [Parameter(ParameterSetName = HubSet)]
    [Parameter(ParameterSetName = HubConnectionStringSet)]
    [ValidateNotNullOrEmpty]
    public string? CheckpointContainer { get; set; }

    /// <summary>The connection string of the storage account holding -CheckpointContainer (then a container name).</summary>
    [Parameter(ParameterSetName = HubSet)]
    [Parameter(ParameterSetName = HubConnectionStringSet)]
    [ValidateNotNullOrEmpty]
    public string? CheckpointStorageConnectionString { get; set; }

    /// <summary>How often consumers sharing -CheckpointContainer renew and rebalance their partitions.</summary>
    [Parameter(ParameterSetName = HubSet)]
    [Parameter(ParameterSetName = HubConnectionStringSet)]
    public TimeSpan LoadBalancingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Records received before this are skipped; with -Checkpoint, where the first run starts.</summary>
    [Parameter]
    public DateTime Since { get; set; }

    [Parameter]
    public DateTime Until { get; set; }

    /// <summary>A checkpoint file path, or a name in the state folder: each run delivers only what is new.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Checkpoint { get; set; }

    protected override void ProcessRecordCore()
    {
        var bound = MyInvocation.BoundParameters;
        if (Checkpoint is not null && bound.ContainsKey(nameof(Until)))
        {
            // A checkpoint would move past records after -Until and never deliver them.
            throw new MdeSiemException(ErrorCode.InvalidArgument, "-Until cannot be combined with -Checkpoint.")
            {
                RecommendedAction = "Leave out -Until: each checkpointed run reads up to what has been exported.",
            };
        }

        if (ParameterSetName is HubSet or HubConnectionStringSet)
        {
            ReadHub(bound);
            return;
        }

        ReadStorage(bound);
    }

    /// <summary>
    /// Reads the storage export through the core's <see cref="StreamEventPull"/>: every blob of the window, or with
    /// -Checkpoint on from the blob offsets the last run delivered.
    /// </summary>
    private void ReadStorage(Dictionary<string, object> bound)
    {
        var query = new StreamEventQuery(EventType)
        {
            SinceUtc = bound.ContainsKey(nameof(Since)) ? ToUtc(Since) : null,
            UntilUtc = bound.ContainsKey(nameof(Until)) ? ToUtc(Until) : null,
            NowUtc = DateTime.UtcNow,
        };
        var (target, tenantId) = OpenTarget();
        WriteVerbose($"Reading {query.Table} events from the {target.Describe(query.ContainerName)}.");
        using var pull = StreamEventPull.Open(target, query, Checkpoint, tenantId, new CheckpointOptions().StaleLockAge);

        // Before the positions are read: complete lines a killed run wrote move them.
        OpenOutFile(pull.Checkpoint);
        WriteVerbose(pull.Description);
        try
        {
            Deliver(pull.ReadAsync(CancellationToken), r => r.Event, r => r.Error, StreamCheckpointRun.KeyOf, pull.Delivered);
            pull.Completed();
        }
        finally
        {
            // A failed or stopped run keeps the offsets reached (and, with -OutFile, what is on disk).
            CloseOutFile(pull.Checkpoint, pull.IsCheckpointed ? pull.Finish : null);
        }

        if (pull.Summary is { } summary)
        {
            WriteVerbose(summary);
        }
    }

    /// <summary>
    /// Reads the hub through the core's <see cref="HubEventPull"/>: alone from the start (or -Since), alone against
    /// a checkpoint file, or sharing the partitions through -CheckpointContainer.
    /// </summary>
    private void ReadHub(Dictionary<string, object> bound)
    {
        if (bound.ContainsKey(nameof(Until)))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "-Until cannot be used with an event hub.")
            {
                RecommendedAction = "A scheduled run stops at what was enqueued when it started; -Follow with -MaxWait stops after a quiet spell.",
            };
        }

        var connection = ParameterSetName == HubSet ? RequireConnection() : null;
        var target = connection is null
            ? EventHubTarget.ForConnectionString(EventHubConnectionString, EventHubName, ConsumerGroup)
            : EventHubTarget.ForNamespace(connection, EventHubNamespace, EventHubName!, ConsumerGroup);
        var query = new HubReadQuery
        {
            Table = bound.ContainsKey(nameof(EventType)) ? StreamingTables.Normalize(EventType) : null,
            SinceUtc = bound.ContainsKey(nameof(Since)) ? ToUtc(Since) : null,
            Follow = Follow.IsPresent,
            MaxWait = bound.ContainsKey(nameof(MaxWait)) ? MaxWait : null,
        };
        var options = new HubPullOptions
        {
            Checkpoint = Checkpoint,
            CheckpointContainer = CheckpointContainer,
            CheckpointStorageConnectionString = CheckpointStorageConnectionString,
            LoadBalancingInterval = LoadBalancingInterval,
            TenantId = connection?.TenantId ?? string.Empty,
        };
        WriteVerbose($"Reading {(query.Table ?? "every table's")} records from the {target.Describe()}{(query.Follow ? ", following" : " up to what is enqueued now")}.");
        using var pull = HubEventPull.Open(target, query, options, connection);
        WriteVerbose(pull.Description);
        var outFile = OpenOutFile(pull.Checkpoint);
        if (outFile is not null)
        {
            pull.BeforeCommit = () => outFile.FlushToDisk(pull.Checkpoint);
            pull.AfterCommit = outFile.Committed;
        }

        try
        {
            Deliver(pull.ReadAsync(CancellationToken), Deliverable(r => r.Event), Deliverable(r => r.Error), HubCheckpointRun.KeyOf, pull.Delivered);
        }
        finally
        {
            // A failed or stopped run keeps what went down the pipeline (and, with -OutFile, what is on disk).
            CloseOutFile(pull.Checkpoint, pull.IsCheckpointed ? pull.Finish : null);
        }

        foreach (var problem in pull.TakeProblems())
        {
            WriteVerbose(problem);
        }

        if (pull.Summary is { } summary)
        {
            WriteVerbose(summary);
        }
    }

    private static Func<HubRecord, T?> Deliverable<T>(Func<HubRecord, T?> part)
        where T : class => record => HubEventPull.IsDeliverable(record) ? part(record) : null;

    /// <summary>
    /// Writes each record as it arrives (read and parsed a bounded number ahead on a worker) to the pipeline or to
    /// -OutFile; an item that is not a record is a non-terminating error. <paramref name="afterWrite"/> runs after
    /// the item went down the pipeline, also for the one a downstream Select-Object -First took before it stopped
    /// the pipeline (HandEach). The progress bar counts the records.
    /// </summary>
    private void Deliver<T>(IAsyncEnumerable<T> items, Func<T, StreamingEvent?> eventOf, Func<T, MdeSiemException?> errorOf, Func<T, string> keyOf, Action<T>? afterWrite)
    {
        var progress = new PullProgress(this, "Reading Defender Streaming API events");
        HandEach(
            items,
            item =>
            {
                if (eventOf(item) is { } streamed)
                {
                    // The journal's key is only written with -OutFile: no string per record otherwise.
                    Deliver(StreamEventOutput.From(streamed), OutFile is null ? string.Empty : keyOf(item), null);
                }
                else if (errorOf(item) is { } error)
                {
                    WriteError(ErrorRecords.From(error));
                }
            },
            item =>
            {
                afterWrite?.Invoke(item);
                if (eventOf(item) is not null)
                {
                    progress.Tick();
                }
            });
        progress.Complete();
    }

    private (StreamStorageTarget Target, string TenantId) OpenTarget()
    {
        switch (ParameterSetName)
        {
            case SasSet:
                return (StreamStorageTarget.ForSasUri(SasUri!), string.Empty);
            case ConnectionStringSet:
                return (StreamStorageTarget.ForConnectionString(ConnectionString), string.Empty);
            default:
                var connection = RequireConnection();
                return (StreamStorageTarget.ForAccount(connection, StorageAccountName, BlobServiceUri), connection.TenantId);
        }
    }

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
