using System;
using System.Collections.Generic;
using MdeSiem.Core.Siem;

namespace MdeSiem.Core.Mapping;

/// <summary>
/// The SIEM fields the mapping table marks X (no Graph equivalent), in table order, with how to read each; then the
/// values of mapped fields that have no Graph member to go to (see docs/siem-to-graph-mapping.md).
/// </summary>
public static class SiemUnmappedFields
{
    public static readonly IReadOnlyList<KeyValuePair<string, Func<MdeSiemAlert, object?>>> Fields = FieldArray();

    /// <summary>Mapped fields whose value is reported when Graph defines no member for it (the read returns null otherwise).</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, Func<MdeSiemAlert, object?>>> ValuesWithoutMember = new[]
    {
        Field("Severity", a => string.IsNullOrEmpty(a.Severity) || SiemToGraphMapper.IsGraphSeverity(a.Severity!) ? null : a.Severity),
        Field("RemediationIsSuccess", a => a.RemediationIsSuccess == false ? false : null),
        Field("WasExecutingWhileDetected", a => a.WasExecutingWhileDetected == false ? false : null),
    };

    // Both tables as one array: iterated for every converted alert, where an interface enumerator would allocate.
    private static readonly KeyValuePair<string, Func<MdeSiemAlert, object?>>[] Table = [.. Fields, .. ValuesWithoutMember];

    private static readonly IReadOnlyDictionary<string, object?> NoFields = new Dictionary<string, object?>(0, StringComparer.OrdinalIgnoreCase);

    /// <summary>The non-empty values of the X fields over the parts of one alert.</summary>
    public static IReadOnlyDictionary<string, object?> Collect(IReadOnlyList<MdeSiemAlert> parts)
    {
        Dictionary<string, object?>? report = null;
        foreach (var field in Table)
        {
            if (ValueOver(parts, field.Value) is { } value)
            {
                // Sized for every field at once: growing it field by field cost more than the mapping itself.
                (report ??= new Dictionary<string, object?>(Table.Length, StringComparer.OrdinalIgnoreCase))[field.Key] = value;
            }
        }

        return report ?? NoFields;
    }

    /// <summary>The one non-empty value of a field over the parts, or an array of its distinct values in part order.</summary>
    private static object? ValueOver(IReadOnlyList<MdeSiemAlert> parts, Func<MdeSiemAlert, object?> read)
    {
        object? single = null;
        List<object>? distinct = null;
        for (var i = 0; i < parts.Count; i++)
        {
            object? value = read(parts[i]);
            if (value is null || (value is string text && text.Length == 0))
            {
                continue;
            }

            if (single is null)
            {
                single = value;
            }
            else if (distinct is null)
            {
                if (!single.Equals(value))
                {
                    distinct = new List<object> { single, value };
                }
            }
            else if (!distinct.Contains(value))
            {
                distinct.Add(value);
            }
        }

        return distinct is null ? single : distinct.ToArray();
    }

    private static KeyValuePair<string, Func<MdeSiemAlert, object?>>[] FieldArray() => new[]
    {
        Field("IocName", a => a.IocName),
        Field("IocValue", a => a.IocValue),
        Field("CreatorIocName", a => a.CreatorIocName),
        Field("CreatorIocValue", a => a.CreatorIocValue),
        Field("AlertPart", a => a.AlertPart),
        Field("FullId", a => a.FullId),
        Field("Md5", a => a.Md5),
        Field("InternalIPv4List", a => a.InternalIPv4List),
        Field("InternalIPv6List", a => a.InternalIPv6List),
        Field("ReportID", a => a.ReportID),
        Field("ExternalId", a => a.ExternalId),
        Field("IocUniqueId", a => a.IocUniqueId),
    };

    private static KeyValuePair<string, Func<MdeSiemAlert, object?>> Field(string name, Func<MdeSiemAlert, object?> read) =>
        new(name, read);
}
