using System;
using System.Management.Automation;
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
public sealed class GetMdeAlertCommand : DefenderApiListCmdlet<MdeAlert, MdeAlertQuery, MdeAlertClient>
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AlertId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

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
    public long IncidentId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public long InvestigationId { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [ValidateRange(1, MdeAlertQuery.MaximumTop)]
    public override int Top { get; set; }

    /// <summary>Include each alert's evidence ($expand=evidence).</summary>
    [Parameter]
    public SwitchParameter IncludeEvidence { get; set; }

    protected override string? ProgressActivity => "Reading alerts from the Defender for Endpoint API";

    protected override string RecordsName => "alerts";

    protected override MdeAlertClient CreateClient(MdeSiemConnection connection, DefenderApiRegion region) => new(connection, region);

    protected override void ReadById(MdeAlertClient client) =>
        ReadEachId(Id, id => "Reading alert " + client.AlertUri(id, IncludeEvidence.IsPresent), id => client.GetAlertAsync(id, IncludeEvidence.IsPresent, CancellationToken));

    protected override void SetQuery(MdeAlertQuery query)
    {
        base.SetQuery(query);
        query.IncidentId = BoundOrNull(nameof(IncidentId), IncidentId);
        query.InvestigationId = BoundOrNull(nameof(InvestigationId), InvestigationId);
        query.IncludeEvidence = IncludeEvidence.IsPresent;
        query.Statuses.AddRange(Status ?? Array.Empty<MdeAlertStatus>());
        query.Severities.AddRange(Severity ?? Array.Empty<MdeAlertSeverity>());
        query.DetectionSources.AddRange(DetectionSource ?? Array.Empty<string>());
        query.Categories.AddRange(Category ?? Array.Empty<string>());
    }
}
