using System.Management.Automation;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Mde;

namespace MdeSiem.Commands;

/// <summary>
/// Changes a Defender for Endpoint alert's status, owner, classification or determination and adds a comment, in
/// one PATCH /api/alerts/{id}. -WhatIf sends nothing.
/// </summary>
[Cmdlet(VerbsData.Update, "MdeAlert", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(MdeAlert))]
public sealed class UpdateMdeAlertCommand : MdeSiemUpdateCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("AlertId")]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = string.Empty;

    [Parameter]
    public MdeAlertStatus Status { get; set; }

    /// <summary>The new owner.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? AssignedTo { get; set; }

    [Parameter]
    public MdeAlertClassification Classification { get; set; }

    [Parameter]
    public MdeAlertDetermination Determination { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Comment { get; set; }

    /// <summary>A geographic API host (us., eu., uk., au., swa., ina.).</summary>
    [Parameter]
    public DefenderApiRegion ApiRegion { get; set; }

    protected override void ProcessRecordCore()
    {
        var bound = MyInvocation.BoundParameters;
        var update = new MdeAlertUpdate
        {
            Status = bound.ContainsKey(nameof(Status)) ? Status : null,
            AssignedTo = AssignedTo,
            Classification = bound.ContainsKey(nameof(Classification)) ? Classification : null,
            Determination = bound.ContainsKey(nameof(Determination)) ? Determination : null,
            Comment = Comment,
        };
        if (update.IsEmpty)
        {
            throw NothingToUpdate("-Status, -AssignedTo, -Classification, -Determination or -Comment");
        }

        SendUpdate("alert " + Id, update, connection => new MdeAlertClient(connection, ApiRegion).UpdateAlertAsync(Id, update, CancellationToken), () => RetiringApiWarning.DefenderApi.WarnOnce(this));
    }
}
