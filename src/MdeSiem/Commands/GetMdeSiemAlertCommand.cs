using System;
using System.Collections.Generic;
using System.Management.Automation;
using MdeSiem.Completers;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Migration;
using MdeSiem.Core.Siem;

namespace MdeSiem.Commands;

/// <summary>
/// Pulls detections from the legacy SIEM API and writes each one as soon as it is parsed, so a million-record
/// window flows into Export-Csv or a forwarder in constant memory.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MdeSiemAlert", DefaultParameterSetName = TimeRangeSet)]
[OutputType(typeof(MdeSiemAlert))]
public sealed class GetMdeSiemAlertCommand : MdeSiemPullCmdlet
{
    private const string TimeRangeSet = "TimeRange";
    private const string AgoSet = "Ago";

    /// <summary>With -Checkpoint: where the very first run starts (later runs start from the checkpoint).</summary>
    [Parameter(ParameterSetName = TimeRangeSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public DateTime SinceTimeUtc { get; set; }

    [Parameter(ParameterSetName = TimeRangeSet)]
    public DateTime UntilTimeUtc { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AgoSet)]
    public TimeSpan Ago { get; set; }

    [Parameter(ParameterSetName = TimeRangeSet)]
    [Parameter(ParameterSetName = AgoSet)]
    [ValidateRange(1, int.MaxValue)]
    public int Limit { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(MachineGroupCompleter))]
    public string[]? MachineGroup { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DeviceCreatedMachineTag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CloudCreatedMachineTag { get; set; }

    /// <summary>Overrides the connection's region for this pull.</summary>
    [Parameter]
    public SiemRegion Region { get; set; }

    protected override void ProcessRecordCore()
    {
        var query = BuildQuery();
        var connection = RequireConnection();
        WarnDeprecatedOnce();

        var client = new SiemAlertClient(connection);
        SiemRegion? region = MyInvocation.BoundParameters.ContainsKey(nameof(Region)) ? Region : null;
        if (IsCheckpointRun)
        {
            PullScheduled(client, query, region ?? connection.Region, connection.TenantId);
            return;
        }

        Pull(client, query, region);
    }

    private void Pull(SiemAlertClient client, SiemAlertQuery query, SiemRegion? region)
    {
        WriteVerbose("Pulling detections from " + client.BuildRequestUri(query, region));
        var progress = new PullProgress(this, "Pulling detections from the SIEM API");
        WriteEach(client.GetAlertsAsync(query, region, progress.Statistics, CancellationToken), Tracking(progress));
        Finish(progress);
    }

    /// <summary>
    /// The scheduled-run path: the window comes from the checkpoint, records delivered before are skipped, and the
    /// checkpoint moves only after every record has gone down the pipeline.
    /// </summary>
    private void PullScheduled(SiemAlertClient client, SiemAlertQuery query, SiemRegion region, string tenantId)
    {
        var progress = new PullProgress(this, "Pulling detections from the SIEM API");
        PullWithCheckpoint(
            SiemCheckpointScope.For(query, region),
            tenantId,
            query.SinceTimeUtc,
            (run, gaps) =>
            {
                var window = query.ForWindow(run.SinceUtc, run.UntilUtc);
                WriteVerbose("Pulling detections from " + client.BuildRequestUri(window, region));
                return client.GetAlertsAsync(window, region, progress.Statistics, CancellationToken);
            },
            Tracking(progress));
        Finish(progress);
    }

    /// <summary>Counts each record for the progress bar and remembers its machine group for tab completion.</summary>
    private Func<MdeSiemAlert, object> Tracking(PullProgress progress)
    {
        var seenGroups = Session.MachineGroups;
        seenGroups.StartPull();
        return alert =>
        {
            progress.Tick();
            seenGroups.Record(alert.MachineGroup);
            return WithAdditionalFields(alert);
        };
    }

    private void Finish(PullProgress progress)
    {
        progress.Complete();
        WriteVerbose($"Received {progress.Statistics.Records} detection(s), {progress.Statistics.Bytes} bytes.");
    }

    /// <summary>Fields this version does not know become properties of their own name, as ConvertFrom-Json would.</summary>
    private static object WithAdditionalFields(MdeSiemAlert alert)
    {
        var additional = alert.GetAdditionalFields();
        if (additional.Count == 0)
        {
            return alert;
        }

        var wrapped = PSObject.AsPSObject(alert);
        foreach (var field in additional)
        {
            if (wrapped.Properties[field.Key] is null)
            {
                wrapped.Properties.Add(new PSNoteProperty(field.Key, field.Value));
            }
        }

        return wrapped;
    }

    private SiemAlertQuery BuildQuery()
    {
        var bound = MyInvocation.BoundParameters;
        var query = new SiemAlertQuery
        {
            SinceTimeUtc = bound.ContainsKey(nameof(SinceTimeUtc)) ? SinceTimeUtc : null,
            UntilTimeUtc = bound.ContainsKey(nameof(UntilTimeUtc)) ? UntilTimeUtc : null,
            Ago = bound.ContainsKey(nameof(Ago)) ? Ago : null,
            Limit = bound.ContainsKey(nameof(Limit)) ? Limit : null,
            DeviceCreatedMachineTag = DeviceCreatedMachineTag,
            CloudCreatedMachineTag = CloudCreatedMachineTag,
        };
        foreach (var group in MachineGroup ?? Array.Empty<string>())
        {
            query.MachineGroups.Add(group);
        }

        query.Validate();
        return query;
    }

    private void WarnDeprecatedOnce() => RetiringApiWarning.SiemApi.WarnOnce(this);
}
