using System.Collections.Generic;
using System.Management.Automation;
using MdeSiem.Core.StreamingApi;

namespace MdeSiem.StreamingApi;

/// <summary>
/// What Get-DefenderStreamEvent writes for a record: the typed event (AlertInfo, AlertEvidence) with any column it
/// does not know added as a note property, or, for other tables, a plain object whose properties are the envelope
/// and the event's columns in their order, so Export-Csv and ConvertTo-Json see the columns as they are.
/// </summary>
internal static class StreamEventOutput
{
    /// <summary>Type name of the plain objects, per table: "MdeSiem.StreamingEvent#DeviceEvents".</summary>
    public const string GenericTypeName = "MdeSiem.StreamingEvent";

    public static object From(StreamingEvent streamed)
    {
        if (streamed is AlertInfoEvent or AlertEvidenceEvent)
        {
            var additional = streamed.GetAdditionalProperties();
            if (additional.Count == 0)
            {
                return streamed;
            }

            var wrapped = PSObject.AsPSObject(streamed);
            foreach (var column in additional)
            {
                if (wrapped.Properties[column.Key] is null)
                {
                    wrapped.Properties.Add(new PSNoteProperty(column.Key, ToPowerShell(column.Value)));
                }
            }

            return wrapped;
        }

        var plain = new PSObject();
        plain.TypeNames.Insert(0, GenericTypeName);
        plain.TypeNames.Insert(0, GenericTypeName + "#" + streamed.Table);
        plain.Properties.Add(new PSNoteProperty(nameof(StreamingEvent.Table), streamed.Table));
        plain.Properties.Add(new PSNoteProperty(nameof(StreamingEvent.ReceivedTimeUtc), streamed.ReceivedTimeUtc));
        plain.Properties.Add(new PSNoteProperty(nameof(StreamingEvent.TenantId), streamed.TenantId));
        plain.Properties.Add(new PSNoteProperty(nameof(StreamingEvent.OperationName), streamed.OperationName));
        plain.Properties.Add(new PSNoteProperty(nameof(StreamingEvent.BlobName), streamed.BlobName));
        foreach (var column in streamed.GetAdditionalProperties())
        {
            if (plain.Properties[column.Key] is null)
            {
                plain.Properties.Add(new PSNoteProperty(column.Key, ToPowerShell(column.Key, column.Value)));
            }
        }

        return plain;
    }

    private static object? ToPowerShell(string name, object? value) =>
        name == "Timestamp" && value is string text && TryUtc(text, out var time) ? time : ToPowerShell(value);

    /// <summary>Nested JSON objects become objects with properties, arrays object arrays, as ConvertFrom-Json does.</summary>
    internal static object? ToPowerShell(object? value)
    {
        switch (value)
        {
            case IReadOnlyList<KeyValuePair<string, object?>> fields:
                var nested = new PSObject();
                foreach (var field in fields)
                {
                    if (nested.Properties[field.Key] is null)
                    {
                        nested.Properties.Add(new PSNoteProperty(field.Key, ToPowerShell(field.Value)));
                    }
                }

                return nested;
            case object?[] items:
                var converted = new object?[items.Length];
                for (var i = 0; i < items.Length; i++)
                {
                    converted[i] = ToPowerShell(items[i]);
                }

                return converted;
            default:
                return value;
        }
    }

    private static bool TryUtc(string text, out System.DateTime time)
    {
        var ok = System.DateTime.TryParse(
            text,
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal,
            out time);
        time = System.DateTime.SpecifyKind(time, System.DateTimeKind.Utc);
        return ok;
    }
}
