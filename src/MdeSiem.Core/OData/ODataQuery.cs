using System;
using System.Collections.Generic;
using System.Globalization;

namespace MdeSiem.Core.OData;

/// <summary>Writes the OData query string of a collection request (Graph and the Defender APIs alike).</summary>
internal static class ODataQuery
{
    /// <summary>The collection URI with $filter, $orderby, $top, $skip and $expand, escaped, in that order.</summary>
    public static Uri Build(Uri collection, string? filter, string? orderBy, int? top, int? skip = null, string? expand = null)
    {
        var parts = new List<string>();
        Add(parts, "$filter", filter);
        Add(parts, "$orderby", orderBy);
        Add(parts, "$top", top?.ToString(CultureInfo.InvariantCulture));
        Add(parts, "$skip", skip is > 0 ? skip.Value.ToString(CultureInfo.InvariantCulture) : null);
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
}
