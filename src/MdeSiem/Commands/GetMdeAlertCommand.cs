using System;
using System.Management.Automation;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Mde;

namespace MdeSiem.Commands;

/// <summary>
/// Lists or reads Defender for Endpoint alerts from the alerts API (GET /api/alerts). -All pages with $top and
/// $skip, each page written as it arrives, paced under the API's call limits; -Checkpoint delivers only alerts new or
/// changed since the last run. The API retires on 1 February 2027.
/// </summary>
[Cmdlet(VerbsCommon.Get, "MdeAlert", DefaultParameterSetName = ListSet)]
[OutputType(typeof(MdeAlert))]
public sealed class GetMdeAlertCommand : MdeSiemPullCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AlertId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public MdeAlertStatus[]? Status { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public MdeAlertSeverity[]? Severity { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [ValidateNotNullOrEmpty]
    public string[]? DetectionSource { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [ValidateNotNullOrEmpty]
    public string[]? Category { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [AllowEmptyString]
    public string? AssignedTo { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public long IncidentId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public long InvestigationId { get; set; }

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
    [ValidateRange(1, MdeAlertQuery.MaximumTop)]
    public int Top { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter All { get; set; }

    /// <summary>Include each alert's evidence ($expand=evidence).</summary>
    [Parameter]
    public SwitchParameter IncludeEvidence { get; set; }

    /// <summary>A geographic API host (us., eu., uk., au., swa., ina.) for better performance.</summary>
    [Parameter]
    public DefenderApiRegion ApiRegion { get; set; }

    protected override string? ProgressActivity => "Reading alerts from the Defender for Endpoint API";

    protected override int? PageSize => PageSizeFromTop(Top, MdeAlertQuery.MaximumTop);

    protected override void ProcessRecordCore()
    {
        var connection = RequireConnection();
        var client = new MdeAlertClient(connection, ApiRegion);
        MdeApiRetirement.WarnOnce(this);
        if (ParameterSetName == ByIdSet)
        {
            ReadEachId(Id, id => "Reading alert " + client.AlertUri(id, IncludeEvidence.IsPresent), id => client.GetAlertAsync(id, IncludeEvidence.IsPresent, CancellationToken));

            return;
        }

        var query = BuildQuery();
        if (IsCheckpointRun)
        {
            // -UpdatedAfter is where the first run starts; the checkpoint decides every later window.
            var initialSince = query.UpdatedAfter;
            query.UpdatedAfter = null;
            PullWithCheckpoint(MdeCheckpointScope.ForAlerts(query), connection.TenantId, initialSince, (run, gaps) =>
            {
                WriteVerbose($"Listing alerts updated from {run.SinceUtc:o} to {run.UntilUtc:o} from {client.CollectionUri} (paging by lastUpdateTime)");
                return client.GetAlertsUpdatedInWindowAsync(query, run.SinceUtc, run.UntilUtc, CancellationToken);
            });
            return;
        }

        WriteVerbose("Listing alerts from " + client.PageUri(query, 0) + (query.All ? " (paging by $skip)" : string.Empty));
        WriteEachReportingGaps(client.GetAlertsAsync(query, CancellationToken), new PullGapReport());
    }

    private MdeAlertQuery BuildQuery()
    {
        var bound = MyInvocation.BoundParameters;
        var query = new MdeAlertQuery
        {
            Filter = Filter,
            AssignedTo = AssignedTo,
            IncidentId = bound.ContainsKey(nameof(IncidentId)) ? IncidentId : null,
            InvestigationId = bound.ContainsKey(nameof(InvestigationId)) ? InvestigationId : null,
            CreatedAfter = bound.ContainsKey(nameof(CreatedAfter)) ? CreatedAfter : null,
            CreatedBefore = bound.ContainsKey(nameof(CreatedBefore)) ? CreatedBefore : null,
            UpdatedAfter = bound.ContainsKey(nameof(UpdatedAfter)) ? UpdatedAfter : null,
            UpdatedBefore = bound.ContainsKey(nameof(UpdatedBefore)) ? UpdatedBefore : null,
            Top = bound.ContainsKey(nameof(Top)) ? Top : null,
            All = All.IsPresent,
            IncludeEvidence = IncludeEvidence.IsPresent,
        };
        query.Statuses.AddRange(Status ?? Array.Empty<MdeAlertStatus>());
        query.Severities.AddRange(Severity ?? Array.Empty<MdeAlertSeverity>());
        query.DetectionSources.AddRange(DetectionSource ?? Array.Empty<string>());
        query.Categories.AddRange(Category ?? Array.Empty<string>());
        query.Validate();
        return query;
    }
}
