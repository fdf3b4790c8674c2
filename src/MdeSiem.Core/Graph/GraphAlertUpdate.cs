using System.IO;
using System.Text;
using System.Text.Json;

namespace MdeSiem.Core.Graph;

/// <summary>The changes Update-DefenderAlert sends: the alert's updatable properties and an optional comment.</summary>
public sealed class GraphAlertUpdate
{
    public AlertStatus? Status { get; set; }

    public AlertClassification? Classification { get; set; }

    public AlertDetermination? Determination { get; set; }

    /// <summary>The owner; an empty string unassigns.</summary>
    public string? AssignedTo { get; set; }

    public string? Comment { get; set; }

    public bool HasPropertyChanges => Status is not null || Classification is not null || Determination is not null || AssignedTo is not null;

    public bool IsEmpty => !HasPropertyChanges && string.IsNullOrEmpty(Comment);

    /// <summary>The PATCH body: only the properties being changed.</summary>
    public string ToPatchJson() => Write(writer =>
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
            writer.WriteString("assignedTo", AssignedTo);
        }
    });

    public string ToCommentJson() => Write(writer =>
    {
        writer.WriteString("@odata.type", "microsoft.graph.security.alertComment");
        writer.WriteString("comment", Comment);
    });

    /// <summary>A one-line description for -WhatIf and -Confirm.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        void Append(string name, string? value)
        {
            if (value is not null)
            {
                text.Append(text.Length == 0 ? string.Empty : ", ").Append(name).Append(" = ").Append(value);
            }
        }

        Append("status", GraphEnum.ToWire(Status));
        Append("classification", GraphEnum.ToWire(Classification));
        Append("determination", GraphEnum.ToWire(Determination));
        Append("assignedTo", AssignedTo);
        Append("comment", Comment);
        return text.ToString();
    }

    private static string Write(System.Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
