using System;
using System.Text.Json;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.StreamingApi;

/// <summary>A row of the AlertInfo table as the Streaming API exports it (columns as Microsoft documents them).</summary>
public sealed class AlertInfoEvent : StreamingEvent
{
    /// <summary>When the record was generated (UTC).</summary>
    public DateTime? Timestamp { get; private set; }

    public string? AlertId { get; private set; }

    public string? Title { get; private set; }

    /// <summary>Type of threat indicator or breach activity.</summary>
    public string? Category { get; private set; }

    public string? Severity { get; private set; }

    /// <summary>Product or service that provided the alert.</summary>
    public string? ServiceSource { get; private set; }

    /// <summary>Detection technology or sensor.</summary>
    public string? DetectionSource { get; private set; }

    /// <summary>MITRE ATT&amp;CK techniques, as the service writes them (a JSON array in text).</summary>
    public string? AttackTechniques { get; private set; }

    // Title, category, severity and sources repeat from alert to alert: they are read through the values cache,
    // the ids as new strings.
    internal override bool TrySetColumn(string name, ref Utf8JsonReader value, JsonStringCache repeated)
    {
        string? text;
        switch (name)
        {
            case nameof(Timestamp):
                if (!StreamingColumnValues.TryUtcDateTime(ref value, out var time))
                {
                    return false;
                }

                Timestamp = time;
                return true;
            case nameof(AlertId):
                StreamingColumnValues.TryString(ref value, out text);
                AlertId = text;
                return true;
            case nameof(Title):
                StreamingColumnValues.TryRepeatedString(ref value, repeated, out text);
                Title = text;
                return true;
            case nameof(Category):
                StreamingColumnValues.TryRepeatedString(ref value, repeated, out text);
                Category = text;
                return true;
            case nameof(Severity):
                StreamingColumnValues.TryRepeatedString(ref value, repeated, out text);
                Severity = text;
                return true;
            case nameof(ServiceSource):
                StreamingColumnValues.TryRepeatedString(ref value, repeated, out text);
                ServiceSource = text;
                return true;
            case nameof(DetectionSource):
                StreamingColumnValues.TryRepeatedString(ref value, repeated, out text);
                DetectionSource = text;
                return true;
            case nameof(AttackTechniques):
                StreamingColumnValues.TryRepeatedString(ref value, repeated, out text);
                AttackTechniques = text;
                return true;
            default:
                return false;
        }
    }
}
