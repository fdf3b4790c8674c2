using System;
using System.Management.Automation;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Graph;

namespace MdeSiem.Commands;

/// <summary>
/// Lists or reads Microsoft Graph security alerts (/security/alerts_v2). Each page's alerts are written as the page
/// arrives; the next page is requested only when the pipeline wants more.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DefenderAlert", DefaultParameterSetName = ListSet)]
[OutputType(typeof(DefenderAlert))]
public sealed class GetDefenderAlertCommand : GraphListCmdlet<DefenderAlert, GraphAlertQuery, GraphAlertClient>
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("AlertId")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

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
    [ValidateRange(1, GraphAlertQuery.MaximumTop)]
    public override int Top { get; set; }

    protected override string? ProgressActivity => "Reading alerts from Microsoft Graph";

    protected override string RecordsName => "alerts";

    protected override GraphAlertClient CreateClient(MdeSiemConnection connection) => new(connection);

    protected override void ReadById(GraphAlertClient client) =>
        ReadEachId(Id, id => "Reading alert " + client.AlertUri(id), id => client.GetAlertAsync(id, CancellationToken));

    protected override void SetQuery(GraphAlertQuery query)
    {
        base.SetQuery(query);
        query.Statuses.AddRange(Status ?? Array.Empty<AlertStatus>());
        query.ServiceSources.AddRange(ServiceSource ?? Array.Empty<ServiceSource>());
        query.DetectionSources.AddRange(DetectionSource ?? Array.Empty<DetectionSource>());
    }

    protected override void ExplainList(GraphAlertQuery query)
    {
        if (query.DetectionSources.Count > 0)
        {
            WriteVerbose("DetectionSource is filtered on this machine: Microsoft Graph does not filter on it.");
        }
    }
}
