using System;
using System.Collections.Generic;
using System.Management.Automation;
using MdeSiem.Completers;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;
using MdeSiem.Core.EventHubs;
using MdeSiem.Core.StreamingApi;
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
public sealed class GetDefenderStreamEventCommand : MdeSiemConnectedCmdlet
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

        var query = new StreamEventQuery(EventType)
        {
            SinceUtc = bound.ContainsKey(nameof(Since)) ? ToUtc(Since) : null,
            UntilUtc = bound.ContainsKey(nameof(Until)) ? ToUtc(Until) : null,
            NowUtc = DateTime.UtcNow,
        };
        var (target, tenantId) = OpenTarget();
        var reader = new StreamEventReader(target);
        WriteVerbose($"Reading {query.Table} events from the {target.Describe(query.ContainerName)}.");
        if (Checkpoint is null)
        {
            Emit(reader.ReadAsync(query, positions: null, CancellationToken), delivered: null);
            return;
        }

        ReadWithCheckpoint(reader, target, query, tenantId);
    }

    private void ReadWithCheckpoint(StreamEventReader reader, StreamStorageTarget target, StreamEventQuery query, string tenantId)
    {
        using var run = StreamCheckpointRun.Begin(Checkpoint!, tenantId, StreamCheckpointRun.ScopeOf(target, query), new CheckpointOptions().StaleLockAge);
        if (run.WatermarkHourUtc is { } watermark)
        {
            // -Since only places the first run; later runs continue from the checkpoint.
            query.SinceUtc = null;
            query.FromHourUtc = watermark;
        }

        WriteVerbose($"Checkpoint {run.Path}: {run.Positions.Count} blob position(s), listing from {(query.FromHourUtc?.ToString("o") ?? "the first blob")}.");
        var completed = false;
        try
        {
            // The reader runs ahead on a worker: it gets its own copy of the positions the pipeline thread updates.
            query.ReportSkipped = true;
            var positions = new Dictionary<string, long>(run.Positions.Count, StringComparer.Ordinal);
            foreach (var position in run.Positions)
            {
                positions[position.Key] = position.Value;
            }

            Emit(reader.ReadAsync(query, positions, CancellationToken), record => run.MarkDelivered(record.BlobName, record.EndOffset, record.Event is not null));
            completed = true;
        }
        finally
        {
            if (completed)
            {
                run.Commit(reader.SeenBlobs, query);
            }
            else
            {
                run.SaveProgress();
            }
        }

        WriteVerbose($"Checkpoint {run.Path}: {run.DeliveredCount} new record(s).");
    }

    /// <summary>
    /// Writes each record as it arrives (read and parsed a bounded number ahead on a worker); an item that is not a
    /// record is a non-terminating error. <paramref name="delivered"/> runs after the item went down the pipeline,
    /// also for the one a downstream Select-Object -First took before it stopped the pipeline.
    /// </summary>
    private void Emit<T>(IAsyncEnumerable<T> records, Func<T, StreamingEvent?> eventOf, Func<T, MdeSiemException?> errorOf, Action<T>? delivered) =>
        HandEach(
            records,
            record =>
            {
                if (eventOf(record) is { } streamed)
                {
                    WriteObject(StreamEventOutput.From(streamed));
                }
                else if (errorOf(record) is { } error)
                {
                    WriteError(ErrorRecords.From(error));
                }
            },
            delivered);

    private void Emit(IAsyncEnumerable<StreamedRecord> records, Action<StreamedRecord>? delivered) =>
        Emit(records, record => record.Event, record => record.Error, delivered);

    /// <summary>
    /// Reads the hub: without -Checkpoint from the start (or -Since) of each partition; with it, on from where the
    /// last run's delivered events end, committing after each received batch.
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
        WriteVerbose($"Reading {(query.Table ?? "every table's")} records from the {target.Describe()}{(query.Follow ? ", following" : " up to what is enqueued now")}.");
        if (CheckpointContainer is not null)
        {
            ReadHubShared(target, query, connection);
            return;
        }

        var reader = new HubStreamReader(target);
        if (Checkpoint is null)
        {
            Emit(reader.ReadAsync(query, new Dictionary<string, long>(), CancellationToken), r => r.Event, r => r.Error, delivered: null);
            return;
        }

        using var run = HubCheckpointRun.Begin(Checkpoint, connection?.TenantId ?? string.Empty, target, new CheckpointOptions().StaleLockAge);
        WriteVerbose($"Checkpoint {run.Path}: {run.NextSequenceNumbers.Count} partition position(s).");
        var positions = new Dictionary<string, long>(run.NextSequenceNumbers.Count, StringComparer.Ordinal);
        foreach (var position in run.NextSequenceNumbers)
        {
            positions[position.Key] = position.Value;
        }

        try
        {
            Emit(reader.ReadAsync(query, positions, CancellationToken), r => r.Event, r => r.Error, record =>
            {
                if (record.EndsEvent)
                {
                    run.MarkDelivered(record.PartitionId, record.SequenceNumber);
                }

                if (record.EndsBatch)
                {
                    run.Commit();
                }
            });
        }
        finally
        {
            // A failed or stopped run keeps what went down the pipeline.
            run.Commit();
        }

        WriteVerbose($"Checkpoint {run.Path}: {run.DeliveredEvents} new event(s).");
    }

    /// <summary>One of several consumers sharing the hub through -CheckpointContainer; each batch is checkpointed there once written.</summary>
    private void ReadHubShared(EventHubTarget target, HubReadQuery query, Core.Auth.MdeSiemConnection? connection)
    {
        if (Checkpoint is not null)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "-Checkpoint and -CheckpointContainer cannot be combined.")
            {
                RecommendedAction = "Use -Checkpoint for a single consumer, -CheckpointContainer for consumers that share the hub.",
            };
        }

        var reader = HubCheckpointContainer.OpenReader(target, CheckpointContainer!, CheckpointStorageConnectionString, connection, out var description);
        reader.LoadBalancingInterval = LoadBalancingInterval;
        WriteVerbose($"Sharing the hub's partitions with the other consumers of the {description}.");
        Emit(reader.ReadAsync(query, CancellationToken), r => r.Withdrawn ? null : r.Event, r => r.Withdrawn ? null : r.Error, record =>
        {
            if (!record.Withdrawn)
            {
                record.Acknowledge();
            }
        });
        foreach (var problem in reader.TakeProblems())
        {
            WriteVerbose(problem);
        }
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
