using System.Management.Automation;
using MdeSiem.Core.Graph;

namespace MdeSiem.Commands;

/// <summary>
/// Changes a Microsoft Graph security alert's status, classification, determination or owner (PATCH) and adds a
/// comment (POST .../comments). -WhatIf sends nothing.
/// </summary>
[Cmdlet(VerbsData.Update, "DefenderAlert", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DefenderAlert))]
public sealed class UpdateDefenderAlertCommand : MdeSiemUpdateCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("AlertId")]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = string.Empty;

    [Parameter]
    public AlertStatus Status { get; set; }

    [Parameter]
    public AlertClassification Classification { get; set; }

    [Parameter]
    public AlertDetermination Determination { get; set; }

    /// <summary>The new owner; an empty string unassigns the alert.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? AssignedTo { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Comment { get; set; }

    protected override void ProcessRecordCore()
    {
        var bound = MyInvocation.BoundParameters;
        var update = new GraphAlertUpdate
        {
            Status = bound.ContainsKey(nameof(Status)) ? Status : null,
            Classification = bound.ContainsKey(nameof(Classification)) ? Classification : null,
            Determination = bound.ContainsKey(nameof(Determination)) ? Determination : null,
            AssignedTo = AssignedTo,
            Comment = Comment,
        };
        if (update.IsEmpty)
        {
            throw NothingToUpdate("-Status, -Classification, -Determination, -AssignedTo or -Comment");
        }

        update.Validate();
        SendUpdate("alert " + Id, update, connection => new GraphAlertClient(connection).UpdateAlertAsync(Id, update, CancellationToken));
    }
}
