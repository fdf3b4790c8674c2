using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace MdeSiem.Core.Mde;

/// <summary>
/// The changes of one Update alert call (PATCH /api/alerts/{id}): status, assignedTo, classification,
/// determination and a comment, all in one body; properties left null are not sent, so the service keeps them.
/// </summary>
public sealed class MdeAlertUpdate
{
    public MdeAlertStatus? Status { get; set; }

    /// <summary>The new owner; an empty string is sent as is.</summary>
    public string? AssignedTo { get; set; }

    public MdeAlertClassification? Classification { get; set; }

    public MdeAlertDetermination? Determination { get; set; }

    public string? Comment { get; set; }

    public bool IsEmpty => Status is null && AssignedTo is null && Classification is null && Determination is null && string.IsNullOrEmpty(Comment);

    public string ToPatchJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteIfSet(writer, "status", Status?.ToString());
            WriteIfSet(writer, "assignedTo", AssignedTo);
            WriteIfSet(writer, "classification", Classification?.ToString());
            WriteIfSet(writer, "determination", Determination?.ToString());
            WriteIfSet(writer, "comment", string.IsNullOrEmpty(Comment) ? null : Comment);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public override string ToString()
    {
        var parts = new List<string>();
        Add(parts, "status", Status?.ToString());
        Add(parts, "assignedTo", AssignedTo);
        Add(parts, "classification", Classification?.ToString());
        Add(parts, "determination", Determination?.ToString());
        Add(parts, "comment", string.IsNullOrEmpty(Comment) ? null : "added");
        return string.Join(", ", parts);
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add(name + " = '" + value + "'");
        }
    }
}
