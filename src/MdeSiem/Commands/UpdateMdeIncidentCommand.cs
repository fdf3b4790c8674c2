using System;
using System.Management.Automation;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mde;

namespace MdeSiem.Commands;

/// <summary>
/// Changes a Defender XDR incident's status, owner, classification, determination or tags and adds a comment, in
/// one PATCH /api/incidents/{id}. -WhatIf sends nothing. The API retires on 1 February 2027.
/// </summary>
[Cmdlet(VerbsData.Update, "MdeIncident", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MdeIncident))]
public sealed class UpdateMdeIncidentCommand : MdeSiemUpdateCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    public long IncidentId { get; set; }

    [Parameter]
    public MdeIncidentStatus Status { get; set; }

    /// <summary>The new owner.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? AssignedTo { get; set; }

    [Parameter]
    public MdeAlertClassification Classification { get; set; }

    [Parameter]
    public MdeIncidentDetermination Determination { get; set; }

    /// <summary>Replaces the tags; an empty array removes them all.</summary>
    [Parameter]
    [AllowEmptyCollection]
    public string[]? Tag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? AddTag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? RemoveTag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Comment { get; set; }

    /// <summary>A geographic API host (us., eu., uk., au., swa., ina.).</summary>
    [Parameter]
    public DefenderApiRegion ApiRegion { get; set; }

    protected override void ProcessRecordCore()
    {
        var bound = MyInvocation.BoundParameters;
        var update = new MdeIncidentUpdate
        {
            Status = bound.ContainsKey(nameof(Status)) ? Status : null,
            AssignedTo = AssignedTo,
            Classification = bound.ContainsKey(nameof(Classification)) ? Classification : null,
            Determination = bound.ContainsKey(nameof(Determination)) ? Determination : null,
            Tags = new IncidentTagChange { Replace = Tag, Add = AddTag ?? Array.Empty<string>(), Remove = RemoveTag ?? Array.Empty<string>() },
            Comment = Comment,
        };
        if (update.IsEmpty)
        {
            throw NothingToUpdate("-Status, -AssignedTo, -Classification, -Determination, -Tag, -AddTag, -RemoveTag or -Comment");
        }

        update.Validate();
        SendUpdate("incident " + IncidentId, update, connection => new MdeIncidentUpdater(connection, ApiRegion).UpdateIncidentAsync(IncidentId, update, CancellationToken), () => RetiringApiWarning.DefenderApi.WarnOnce(this));
    }
}
