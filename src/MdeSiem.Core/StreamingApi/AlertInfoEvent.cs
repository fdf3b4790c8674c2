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
        switch (name)
        {
            case nameof(Timestamp):
                if (!JsonValueReaders.TryReadUtcDateTime(ref value, out var time))
                {
                    return false;
                }

                Timestamp = time;
                return true;
            case nameof(AlertId):
                AlertId = JsonValueReaders.ReadText(ref value);
                return true;
            case nameof(Title):
                Title = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(Category):
                Category = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(Severity):
                Severity = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(ServiceSource):
                ServiceSource = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(DetectionSource):
                DetectionSource = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            case nameof(AttackTechniques):
                AttackTechniques = JsonValueReaders.ReadText(ref value, repeated);
                return true;
            default:
                return false;
        }
    }
}
