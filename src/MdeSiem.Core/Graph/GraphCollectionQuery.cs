using System;
using System.Collections.Generic;
using System.Linq;

namespace MdeSiem.Core.Graph;

/// <summary>Writes the OData query string of a collection request.</summary>
internal static class GraphCollectionQuery
{
    public static Uri Build(Uri collection, string? filter, string? orderBy, int? top, string? expand = null)
    {
        var parts = new List<string>();
        Add(parts, "$filter", filter);
        Add(parts, "$orderby", orderBy);
        Add(parts, "$top", top?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add(parts, "$expand", expand);
        return parts.Count == 0 ? collection : new Uri(collection.AbsoluteUri + "?" + string.Join("&", parts));
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value!.Trim()));
        }
    }

    public static string? Join(params string?[] clauses) => GraphFilterText.And(clauses.AsEnumerable());
}
