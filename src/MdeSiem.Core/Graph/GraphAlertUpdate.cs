using System;
using System.IO;
using System.Text;
using System.Text.Json;
using MdeSiem.Core.Errors;

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

    /// <summary>
    /// Refuses the members an update cannot mean: UnknownFutureValue is the evolvable-enum sentinel the alert page
    /// marks "Evolvable enumeration sentinel value. Don't use.", and Unknown is no state, classification or
    /// determination to move an alert to (https://learn.microsoft.com/en-us/graph/api/resources/security-alert).
    /// </summary>
    /// <exception cref="MdeSiemException">InvalidArgument, naming the parameter and the value.</exception>
    public void Validate()
    {
        Refuse(nameof(Status), Status);
        Refuse(nameof(Classification), Classification);
        Refuse(nameof(Determination), Determination);
    }

    /// <summary>The PATCH body: only the properties being changed; the members sent are the v1.0 metadata's.</summary>
    public string ToPatchJson() => Write(writer =>
    {
        Validate();
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

    private static void Refuse<TEnum>(string parameter, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is { } member && (member.ToString() == "Unknown" || member.ToString() == "UnknownFutureValue"))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"-{parameter} {member} cannot be set: Graph alerts can be updated to a named {parameter.ToLowerInvariant()} only.")
            {
                RecommendedAction = $"Pass one of the other -{parameter} values.",
                Target = member,
            };
        }
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
