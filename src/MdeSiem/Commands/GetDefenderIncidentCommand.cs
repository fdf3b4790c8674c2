using System;
using System.Management.Automation;
using MdeSiem.Core.Checkpoints;
using MdeSiem.Core.Graph;

namespace MdeSiem.Commands;

/// <summary>Lists or reads Microsoft Graph security incidents (/security/incidents), their alerts expanded on request.</summary>
[Cmdlet(VerbsCommon.Get, "DefenderIncident", DefaultParameterSetName = ListSet)]
[OutputType(typeof(DefenderIncident))]
public sealed class GetDefenderIncidentCommand : MdeSiemPullCmdlet
{
    private const string ListSet = "List";
    private const string ByIdSet = "ById";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("IncidentId")]
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
    public IncidentStatus[]? Status { get; set; }

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
    [ValidateRange(1, GraphIncidentQuery.MaximumTop)]
    public int Top { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateRange(1, long.MaxValue)]
    public long First { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter All { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? OrderBy { get; set; }

    /// <summary>Include each incident's alerts ($expand=alerts).</summary>
    [Parameter]
    public SwitchParameter ExpandAlerts { get; set; }

    protected override string? ProgressActivity => "Reading incidents from Microsoft Graph";

    protected override int? PageSize => PageSizeFromTop(Top, GraphIncidentQuery.MaximumTop);

    protected override void ProcessRecordCore()
    {
        var connection = RequireConnection();
        var client = new GraphIncidentClient(connection);
        if (ParameterSetName == ByIdSet)
        {
            ReadEachId(Id, id => "Reading incident " + id, id => client.GetIncidentAsync(id, ExpandAlerts.IsPresent, CancellationToken));

            return;
        }

        var bound = MyInvocation.BoundParameters;
        var query = new GraphIncidentQuery
        {
            Filter = Filter,
            CreatedAfter = bound.ContainsKey(nameof(CreatedAfter)) ? CreatedAfter : null,
            CreatedBefore = bound.ContainsKey(nameof(CreatedBefore)) ? CreatedBefore : null,
            UpdatedAfter = bound.ContainsKey(nameof(UpdatedAfter)) ? UpdatedAfter : null,
            Top = bound.ContainsKey(nameof(Top)) ? Top : null,
            First = bound.ContainsKey(nameof(First)) ? First : null,
            All = All.IsPresent,
            OrderBy = OrderBy,
            ExpandAlerts = ExpandAlerts.IsPresent,
        };
        query.Severities.AddRange(Severity ?? Array.Empty<AlertSeverity>());
        query.Statuses.AddRange(Status ?? Array.Empty<IncidentStatus>());
        query.Classifications.AddRange(Classification ?? Array.Empty<AlertClassification>());
        query.Validate();
        if (IsCheckpointRun)
        {
            // -UpdatedAfter is where the first run starts; the checkpoint decides every later window.
            var initialSince = query.UpdatedAfter;
            query.UpdatedAfter = null;
            PullWithCheckpoint(GraphCheckpointScope.ForIncidents(query), connection.TenantId, initialSince, (run, gaps) =>
            {
                WriteVerbose($"Listing incidents updated from {run.SinceUtc:o} to {run.UntilUtc:o} from {client.CollectionUri}");
                return client.GetIncidentsUpdatedInWindowAsync(query, run.SinceUtc, run.UntilUtc, gaps, CancellationToken);
            });
            return;
        }

        WriteVerbose("Listing incidents from " + client.BuildFirstRequestUri(query));
        var gaps = new PullGapReport();
        WriteEachReportingGaps(client.GetIncidentsAsync(query, gaps, CancellationToken), gaps);
    }
}
