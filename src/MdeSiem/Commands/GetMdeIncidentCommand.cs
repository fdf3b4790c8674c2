using System;
using System.Management.Automation;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Mde;

namespace MdeSiem.Commands;

/// <summary>
/// Lists or reads Defender XDR incidents from the incidents API (GET /api/incidents), each with its alerts and
/// their devices and entities. -All pages with $top (at most 100) and $skip; -Checkpoint delivers only incidents new or changed since the last run.
/// The API retires on 1 February 2027.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MdeIncident", DefaultParameterSetName = ListSet)]
[OutputType(typeof(MdeIncident))]
public sealed class GetMdeIncidentCommand : MdeSiemPullCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public long[] IncidentId { get; set; } = Array.Empty<long>();

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public MdeIncidentStatus[]? Status { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [AllowEmptyString]
    public string? AssignedTo { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime CreatedAfter { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime CreatedBefore { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public DateTime UpdatedAfter { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime UpdatedBefore { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [ValidateRange(1, MdeIncidentQuery.MaximumTop)]
    public int Top { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter All { get; set; }

    /// <summary>A geographic API host (us., eu., uk., au., swa., ina.) for better performance.</summary>
    [Parameter]
    public DefenderApiRegion ApiRegion { get; set; }

    protected override string? ProgressActivity => "Reading incidents from the Defender XDR API";

    protected override int? PageSize => PageSizeFromTop(Top, MdeIncidentQuery.MaximumTop);

    protected override void ProcessRecordCore()
    {
        var connection = RequireConnection();
        var client = new MdeIncidentClient(connection, ApiRegion);
        MdeApiRetirement.WarnOnce(this);
        if (ParameterSetName == ByIdSet)
        {
            ReadEachId(IncidentId, id => "Reading incident " + client.IncidentUri(id), id => client.GetIncidentAsync(id, CancellationToken));

            return;
        }

        var bound = MyInvocation.BoundParameters;
        var query = new MdeIncidentQuery
        {
            Filter = Filter,
            AssignedTo = AssignedTo,
            CreatedAfter = bound.ContainsKey(nameof(CreatedAfter)) ? CreatedAfter : null,
            CreatedBefore = bound.ContainsKey(nameof(CreatedBefore)) ? CreatedBefore : null,
            UpdatedAfter = bound.ContainsKey(nameof(UpdatedAfter)) ? UpdatedAfter : null,
            UpdatedBefore = bound.ContainsKey(nameof(UpdatedBefore)) ? UpdatedBefore : null,
            Top = bound.ContainsKey(nameof(Top)) ? Top : null,
            All = All.IsPresent,
        };
        query.Statuses.AddRange(Status ?? Array.Empty<MdeIncidentStatus>());
        query.Validate();
        if (IsCheckpointRun)
        {
            // -UpdatedAfter is where the first run starts; the checkpoint decides every later window.
            var initialSince = query.UpdatedAfter;
            query.UpdatedAfter = null;
            PullWithCheckpoint(MdeCheckpointScope.ForIncidents(query), connection.TenantId, initialSince, (run, gaps) =>
            {
                WriteVerbose($"Listing incidents updated from {run.SinceUtc:o} to {run.UntilUtc:o} from {client.CollectionUri} (paging by lastUpdateTime)");
                return client.GetIncidentsUpdatedInWindowAsync(query, run.SinceUtc, run.UntilUtc, CancellationToken);
            });
            return;
        }

        WriteVerbose("Listing incidents from " + client.PageUri(query, 0) + (query.All ? " (paging by $skip)" : string.Empty));
        WriteEachReportingGaps(client.GetIncidentsAsync(query, CancellationToken), new PullGapReport());
    }
}
