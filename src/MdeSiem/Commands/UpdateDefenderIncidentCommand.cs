using System;
using System.Management.Automation;
using MdeSiem.Core.Graph;

namespace MdeSiem.Commands;

/// <summary>
/// Changes a Microsoft Graph security incident's status, classification, determination, owner or custom tags
/// (PATCH /security/incidents/{id}) and adds a comment (POST .../comments). -WhatIf sends nothing.
/// </summary>
[Cmdlet(VerbsData.Update, "DefenderIncident", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(DefenderIncident))]
public sealed class UpdateDefenderIncidentCommand : MdeSiemUpdateCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("IncidentId")]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = string.Empty;

    [Parameter]
    public IncidentStatus Status { get; set; }

    [Parameter]
    public AlertClassification Classification { get; set; }

    [Parameter]
    public AlertDetermination Determination { get; set; }

    /// <summary>The new owner; an empty string unassigns the incident.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? AssignedTo { get; set; }

    /// <summary>Replaces the custom tags; an empty array removes them all.</summary>
    [Parameter]
    [AllowEmptyCollection]
    public string[]? CustomTag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? AddTag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? RemoveTag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Comment { get; set; }

    protected override void ProcessRecordCore()
    {
        var bound = MyInvocation.BoundParameters;
        var update = new GraphIncidentUpdate
        {
            Status = bound.ContainsKey(nameof(Status)) ? Status : null,
            Classification = bound.ContainsKey(nameof(Classification)) ? Classification : null,
            Determination = bound.ContainsKey(nameof(Determination)) ? Determination : null,
            AssignedTo = AssignedTo,
            Tags = new IncidentTagChange { Replace = CustomTag, Add = AddTag ?? Array.Empty<string>(), Remove = RemoveTag ?? Array.Empty<string>() },
            Comment = Comment,
        };
        if (update.IsEmpty)
        {
            throw NothingToUpdate("-Status, -Classification, -Determination, -AssignedTo, -CustomTag, -AddTag, -RemoveTag or -Comment");
        }

        update.Validate();
        SendUpdate("incident " + Id, update, connection => new GraphIncidentUpdater(connection).UpdateIncidentAsync(Id, update, CancellationToken));
    }
}
