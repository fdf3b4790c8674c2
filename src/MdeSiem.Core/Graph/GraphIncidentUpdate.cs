using System;
using System.Collections.Generic;
using System.Text.Json;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.Graph;

/// <summary>
/// The changes Update-DefenderIncident sends. The updatable properties of PATCH /security/incidents/{id} are
/// assignedTo, classification, determination, status and customTags
/// (https://learn.microsoft.com/en-us/graph/api/security-incident-update); a comment is a separate
/// POST .../comments (https://learn.microsoft.com/en-us/graph/api/security-incident-post-comments).
/// </summary>
public sealed class GraphIncidentUpdate
{
    public IncidentStatus? Status { get; set; }

    public AlertClassification? Classification { get; set; }

    public AlertDetermination? Determination { get; set; }

    /// <summary>The owner; an empty string unassigns (sent as null).</summary>
    public string? AssignedTo { get; set; }

    /// <summary>The custom tags replaced, or tags added and removed.</summary>
    public IncidentTagChange Tags { get; set; } = new();

    public string? Comment { get; set; }

    public bool HasPropertyChanges =>
        Status is not null || Classification is not null || Determination is not null || AssignedTo is not null || !Tags.IsEmpty;

    public bool IsEmpty => !HasPropertyChanges && string.IsNullOrEmpty(Comment);

    /// <summary>Rejects what no service accepts, before anything is sent.</summary>
    public void Validate()
    {
        Tags.Validate();
        if (Status == IncidentStatus.UnknownFutureValue || Classification == AlertClassification.UnknownFutureValue || Determination == AlertDetermination.UnknownFutureValue)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "UnknownFutureValue stands for values this version does not know; it cannot be set.");
        }
    }

    /// <summary>The PATCH body: only the properties being changed; <paramref name="tags"/> when the tags change.</summary>
    public string ToPatchJson(IReadOnlyList<string>? tags) => JsonBody.Write(writer =>
    {
        if (Status is { } status)
        {
            writer.WriteString("status", GraphEnum.ToWire(status));
        }

        if (Classification is { } classification)
        {
            writer.WriteString("classification", GraphEnum.ToWire(classification));
        }

        if (Determination is { } determination)
        {
            writer.WriteString("determination", GraphEnum.ToWire(determination));
        }

        if (AssignedTo is not null)
        {
            // "Owner of the incident, or null if no owner is assigned."
            if (AssignedTo.Length == 0)
            {
                writer.WriteNull("assignedTo");
            }
            else
            {
                writer.WriteString("assignedTo", AssignedTo);
            }
        }

        if (tags is not null)
        {
            JsonBody.WriteStringArray(writer, "customTags", tags);
        }
    });

    public string ToCommentJson() => JsonBody.Write(writer =>
    {
        writer.WriteString("@odata.type", "microsoft.graph.security.alertComment");
        writer.WriteString("comment", Comment);
    });

    /// <summary>A one-line description for -WhatIf and -Confirm.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add(name + " = " + value);
            }
        }

        Add("status", GraphEnum.ToWire(Status));
        Add("classification", GraphEnum.ToWire(Classification));
        Add("determination", GraphEnum.ToWire(Determination));
        Add("assignedTo", AssignedTo is null ? null : AssignedTo.Length == 0 ? "(none)" : AssignedTo);
        if (Tags.Describe("customTags") is { } tags)
        {
            parts.Add(tags);
        }

        Add("comment", string.IsNullOrEmpty(Comment) ? null : "added");
        return string.Join(", ", parts);
    }
}
