using System;
using System.Management.Automation;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Graph;

namespace MdeSiem.Commands;

/// <summary>
/// Lists or reads Microsoft Graph security incidents (/security/incidents), their alerts expanded on request. -All
/// pages by time, as Get-DefenderAlert does, so incidents created during a long pull cause no gap or duplicate.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DefenderIncident", DefaultParameterSetName = ListSet)]
[OutputType(typeof(DefenderIncident))]
public sealed class GetDefenderIncidentCommand : GraphListCmdlet<DefenderIncident, GraphIncidentQuery, GraphIncidentClient>
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("IncidentId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public IncidentStatus[]? Status { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [ValidateRange(1, GraphIncidentQuery.MaximumTop)]
    public override int Top { get; set; }

    /// <summary>Include each incident's alerts ($expand=alerts).</summary>
    [Parameter]
    public SwitchParameter ExpandAlerts { get; set; }

    protected override string? ProgressActivity => "Reading incidents from Microsoft Graph";

    protected override string RecordsName => "incidents";

    protected override GraphIncidentClient CreateClient(MdeSiemConnection connection) => new(connection);

    protected override void ReadById(GraphIncidentClient client) =>
        ReadEachId(Id, id => "Reading incident " + id, id => client.GetIncidentAsync(id, ExpandAlerts.IsPresent, CancellationToken));

    protected override void SetQuery(GraphIncidentQuery query)
    {
        base.SetQuery(query);
        query.ExpandAlerts = ExpandAlerts.IsPresent;
        query.Statuses.AddRange(Status ?? Array.Empty<IncidentStatus>());
    }
}
