using System;
using System.Management.Automation;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Graph;

namespace MdeSiem.Commands;

/// <summary>
/// Lists or reads Microsoft Graph security alerts (/security/alerts_v2). Each page's alerts are written as the page
/// arrives; the next page is requested only when the pipeline wants more.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DefenderAlert", DefaultParameterSetName = ListSet)]
[OutputType(typeof(DefenderAlert))]
public sealed class GetDefenderAlertCommand : MdeSiemPullCmdlet
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
    public AlertSeverity[]? Severity { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public AlertStatus[]? Status { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public ServiceSource[]? ServiceSource { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public DetectionSource[]? DetectionSource { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public AlertClassification[]? Classification { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime CreatedAfter { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public DateTime CreatedBefore { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public DateTime UpdatedAfter { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [ValidateRange(1, GraphAlertQuery.MaximumTop)]
    public int Top { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, long.MaxValue)]
    public long First { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter All { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? OrderBy { get; set; }

    protected override string? ProgressActivity => "Reading alerts from Microsoft Graph";

    protected override int? PageSize => PageSizeFromTop(Top, GraphAlertQuery.MaximumTop);

    protected override void ProcessRecordCore()
    {
        var connection = RequireConnection();
        var client = new GraphAlertClient(connection);
        if (ParameterSetName == ByIdSet)
        {
            ReadEachId(Id, id => "Reading alert " + client.AlertUri(id), id => client.GetAlertAsync(id, CancellationToken));

            return;
        }

        var query = BuildQuery();
        if (IsCheckpointRun)
        {
            // -UpdatedAfter is where the first run starts; the checkpoint decides every later window.
            var initialSince = query.UpdatedAfter;
            query.UpdatedAfter = null;
            PullWithCheckpoint(GraphCheckpointScope.ForAlerts(query), connection.TenantId, initialSince, (run, gaps) =>
            {
                WriteVerbose($"Listing alerts updated from {run.SinceUtc:o} to {run.UntilUtc:o} from {client.CollectionUri}");
                return client.GetAlertsUpdatedInWindowAsync(query, run.SinceUtc, run.UntilUtc, gaps, CancellationToken);
            });
            return;
        }

        WriteVerbose("Listing alerts from " + client.BuildFirstRequestUri(query)
            + (query.PagesByTimeBoundary ? " (paging by " + query.BoundaryProperty + ")" : string.Empty));
        if (query.DetectionSources.Count > 0)
        {
            WriteVerbose("DetectionSource is filtered on this machine: Microsoft Graph does not filter on it.");
        }

        var gaps = new PullGapReport();
        WriteEachReportingGaps(client.GetAlertsAsync(query, gaps, CancellationToken), gaps);
    }

    private GraphAlertQuery BuildQuery()
    {
        var bound = MyInvocation.BoundParameters;
        var query = new GraphAlertQuery
        {
            Filter = Filter,
            CreatedAfter = bound.ContainsKey(nameof(CreatedAfter)) ? CreatedAfter : null,
            CreatedBefore = bound.ContainsKey(nameof(CreatedBefore)) ? CreatedBefore : null,
            UpdatedAfter = bound.ContainsKey(nameof(UpdatedAfter)) ? UpdatedAfter : null,
            Top = bound.ContainsKey(nameof(Top)) ? Top : null,
            First = bound.ContainsKey(nameof(First)) ? First : null,
            All = All.IsPresent,
            OrderBy = OrderBy,
        };
        query.Severities.AddRange(Severity ?? Array.Empty<AlertSeverity>());
        query.Statuses.AddRange(Status ?? Array.Empty<AlertStatus>());
        query.ServiceSources.AddRange(ServiceSource ?? Array.Empty<ServiceSource>());
        query.DetectionSources.AddRange(DetectionSource ?? Array.Empty<DetectionSource>());
        query.Classifications.AddRange(Classification ?? Array.Empty<AlertClassification>());
        query.Validate();
        return query;
    }
}
