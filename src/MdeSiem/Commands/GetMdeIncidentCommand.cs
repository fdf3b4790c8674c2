using System;
using System.Management.Automation;
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
public sealed class GetMdeIncidentCommand : DefenderApiListCmdlet<MdeIncident, MdeIncidentQuery, MdeIncidentClient>
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public long[] IncidentId { get; set; } = Array.Empty<long>();

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    public MdeIncidentStatus[]? Status { get; set; }

    [Parameter(ParameterSetName = ListSet)]
    [Parameter(ParameterSetName = CheckpointSet)]
    [ValidateRange(1, MdeIncidentQuery.MaximumTop)]
    public override int Top { get; set; }

    protected override string? ProgressActivity => "Reading incidents from the Defender XDR API";

    protected override string RecordsName => "incidents";

    protected override MdeIncidentClient CreateClient(MdeSiemConnection connection, DefenderApiRegion region) => new(connection, region);

    protected override void ReadById(MdeIncidentClient client) =>
        ReadEachId(IncidentId, id => "Reading incident " + client.IncidentUri(id), id => client.GetIncidentAsync(id, CancellationToken));

    protected override void SetQuery(MdeIncidentQuery query)
    {
        base.SetQuery(query);
        query.Statuses.AddRange(Status ?? Array.Empty<MdeIncidentStatus>());
    }
}
