using System;
using System.Collections.Generic;
using MdeSiem.Core.Siem;

namespace MdeSiem.Core.Mapping;

/// <summary>The SIEM fields the mapping table marks X (no Graph equivalent), in table order, with how to read each.</summary>
public static class SiemUnmappedFields
{
    public static readonly IReadOnlyList<KeyValuePair<string, Func<MdeSiemAlert, object?>>> Fields = new[]
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

    /// <summary>The non-empty values of the X fields over the parts of one alert.</summary>
    public static IReadOnlyDictionary<string, object?> Collect(IReadOnlyList<MdeSiemAlert> parts)
    {
        var report = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in Fields)
        {
            var values = new List<object>();
            foreach (var part in parts)
            {
                object? value = field.Value(part);
                if (value is null || (value is string text && text.Length == 0) || values.Contains(value))
                {
                    continue;
                }

                values.Add(value);
            }

            if (values.Count > 0)
            {
                report[field.Key] = values.Count == 1 ? values[0] : values.ToArray();
            }
        }

        return report;
    }

    private static KeyValuePair<string, Func<MdeSiemAlert, object?>> Field(string name, Func<MdeSiemAlert, object?> read) =>
        new(name, read);
}
