using System.Collections.Generic;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.Mde;

/// <summary>
/// The changes of one Update incident call (PATCH /api/incidents/{id},
/// https://learn.microsoft.com/en-us/defender-xdr/api-update-incidents): status, assignedTo, classification,
/// determination, tags and a comment, all in one body; properties left null are not sent, so the service keeps
/// them. The service accepts a determination only with a classification it belongs to.
/// </summary>
public sealed class MdeIncidentUpdate
{
    public MdeIncidentStatus? Status { get; set; }

    /// <summary>The new owner; an empty string is sent as is.</summary>
    public string? AssignedTo { get; set; }

    public MdeAlertClassification? Classification { get; set; }

    public MdeIncidentDetermination? Determination { get; set; }

    /// <summary>The tags replaced, or tags added and removed.</summary>
    public IncidentTagChange Tags { get; set; } = new();

    public string? Comment { get; set; }

    public bool IsEmpty => Status is null && AssignedTo is null && Classification is null && Determination is null && Tags.IsEmpty && string.IsNullOrEmpty(Comment);

    public void Validate()
    {
        Tags.Validate();
        if (Status == MdeIncidentStatus.UnknownFutureValue || Classification == MdeAlertClassification.UnknownFutureValue || Determination == MdeIncidentDetermination.UnknownFutureValue)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "UnknownFutureValue stands for values this version does not know; it cannot be set.");
        }
    }

    /// <summary>The PATCH body; <paramref name="tags"/> when the tags change.</summary>
    public string ToPatchJson(IReadOnlyList<string>? tags) => JsonBody.Write(writer =>
    {
        WriteIfSet(writer, "status", Status?.ToString());
        WriteIfSet(writer, "assignedTo", AssignedTo);
        WriteIfSet(writer, "classification", Classification?.ToString());
        WriteIfSet(writer, "determination", Determination?.ToString());
        if (tags is not null)
        {
            JsonBody.WriteStringArray(writer, "tags", tags);
        }

        WriteIfSet(writer, "comment", string.IsNullOrEmpty(Comment) ? null : Comment);
    });

    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add(name + " = '" + value + "'");
            }
        }

        Add("status", Status?.ToString());
        Add("assignedTo", AssignedTo);
        Add("classification", Classification?.ToString());
        Add("determination", Determination?.ToString());
        if (Tags.Describe("tags") is { } tags)
        {
            parts.Add(tags);
        }

        Add("comment", string.IsNullOrEmpty(Comment) ? null : "added");
        return string.Join(", ", parts);
    }

    private static void WriteIfSet(System.Text.Json.Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
