using System;
using System.Collections.Generic;
using System.Management.Automation;
using MdeSiem.Completers;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Errors;
using MdeSiem.Core.StreamingApi;
using MdeSiem.StreamingApi;

namespace MdeSiem.Commands;

/// <summary>
/// Reads the Advanced Hunting events the Defender XDR Streaming API exported to a storage account, one object per
/// record, streamed from the hourly blobs. With -Checkpoint, each run delivers only the lines appended since the
/// last one.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DefenderStreamEvent", DefaultParameterSetName = AccountSet)]
[OutputType(typeof(AlertInfoEvent), typeof(AlertEvidenceEvent), typeof(PSObject))]
public sealed class GetDefenderStreamEventCommand : MdeSiemConnectedCmdlet
{
    private const string AccountSet = "StorageAccount";
    private const string SasSet = "SasUri";
    private const string ConnectionStringSet = "ConnectionString";

    /// <summary>The Advanced Hunting table: AlertInfo, AlertEvidence, DeviceEvents, ...</summary>
    [Parameter(Mandatory = true, Position = 0)]
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
    /// Writes each record as it arrives (read and parsed a bounded number ahead on a worker); a line that is not a
    /// record is a non-terminating error. <paramref name="delivered"/> runs after the item went down the pipeline,
    /// also for the one a downstream Select-Object -First took before it stopped the pipeline.
    /// </summary>
    private void Emit(IAsyncEnumerable<StreamedRecord> records, Action<StreamedRecord>? delivered) =>
        HandEach(
            records,
            record =>
            {
                if (record.Event is not null)
                {
                    WriteObject(StreamEventOutput.From(record.Event));
                }
                else if (record.Error is not null)
                {
                    WriteError(ErrorRecords.From(record.Error));
                }
            },
            delivered);

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
