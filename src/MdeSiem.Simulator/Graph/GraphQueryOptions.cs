using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace MdeSiem.Simulator.Graph;

/// <summary>
/// $filter, $orderby, $top, $skip/$skiptoken and $expand of one collection request, applied to a list. Paging is
/// by offset, as Graph's next links are: the $skiptoken of a next link is the offset of its page.
/// </summary>
internal sealed class GraphQueryOptions<T>
{
    private GraphQueryOptions(Func<T, bool> filter, Comparison<T> order, int top, int offset, string? expand)
    {
        Filter = filter;
        Order = order;
        Top = top;
        Offset = offset;
        Expand = expand;
    }

    public Func<T, bool> Filter { get; }

    public Comparison<T> Order { get; }

    public int Top { get; }

    public int Offset { get; }

    public string? Expand { get; }

    public static bool TryParse(
        IQueryCollection query,
        GraphCollectionSchema<T> schema,
        out GraphQueryOptions<T>? options,
        out string error,
        bool ignoreOrderBy = false)
    {
        options = null;
        Func<T, bool> filter = _ => true;
        string filterText = query["$filter"].ToString();
        if (filterText.Length > 0
            && !ODataFilter<T>.TryParse(filterText, schema.Filterable, schema.Properties, schema.EntityType, out filter, out error))
        {
            return false;
        }

        if (!TryParseOrder(query["$orderby"].ToString(), schema, out Comparison<T> order, out error))
        {
            return false;
        }

        if (ignoreOrderBy)
        {
            // Accepted (a bad clause is still a 400) but not applied: the default order, newest first.
            TryParseOrder("", schema, out order, out error);
        }

        int top = schema.MaximumTop;
        string topText = query["$top"].ToString();
        if (topText.Length > 0 && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top < 1))
        {
            error = $"Invalid value '{topText}' for $top query option found. The $top query option requires a non-negative integer value.";
            return false;
        }

        if (top > schema.MaximumTop)
        {
            error = $"The limit of '{schema.MaximumTop}' for Top query has been exceeded. The value from the incoming request is '{top}'.";
            return false;
        }

        string offsetText = query["$skiptoken"].ToString() is { Length: > 0 } token ? token : query["$skip"].ToString();
        int offset = 0;
        if (offsetText.Length > 0 && (!int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            error = "The $skiptoken or $skip value is not valid.";
            return false;
        }

        string expand = query["$expand"].ToString();
        if (expand.Length > 0 && !schema.Expandable.Contains(expand, StringComparer.OrdinalIgnoreCase))
        {
            error = $"Could not find a property named '{expand}' on type '{schema.EntityType}' to expand.";
            return false;
        }

        options = new GraphQueryOptions<T>(filter, order, top, offset, expand.Length > 0 ? expand : null);
        error = "";
        return true;
    }

    /// <summary>The page this request asks for, and whether more follow it.</summary>
    public (List<T> Page, bool HasMore) Apply(IEnumerable<T> items)
    {
        var matching = items.Where(Filter).ToList();
        matching.Sort(Order);
        var page = matching.Skip(Offset).Take(Top).ToList();
        return (page, Offset + page.Count < matching.Count);
    }

    private static bool TryParseOrder(string text, GraphCollectionSchema<T> schema, out Comparison<T> order, out string error)
    {
        var keys = new List<(Func<T, IComparable?> Key, bool Descending)>();
        foreach (string clause in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            bool descending = words.Length > 1 && words[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (words.Length > 2 || (words.Length == 2 && !descending && !words[1].Equals("asc", StringComparison.OrdinalIgnoreCase))
                || !schema.Sortable.TryGetValue(words[0], out Func<T, IComparable?>? key))
            {
                order = (_, _) => 0;
                error = $"Invalid $orderby clause '{clause}': the property cannot be used in the $orderby query option.";
                return false;
            }

            keys.Add((key, descending));
        }

        if (keys.Count == 0)
        {
            keys.Add((schema.DefaultOrder, true));
        }

        // Ties are always broken by id, so pages never overlap however many items share a time.
        keys.Add((schema.Id, false));
        order = (left, right) =>
        {
            foreach ((Func<T, IComparable?> key, bool descending) in keys)
            {
                IComparable? a = key(left);
                IComparable? b = key(right);
                int compared = a is null ? (b is null ? 0 : -1) : b is null ? 1 : a is string text ? string.CompareOrdinal(text, (string)b) : a.CompareTo(b);
                if (compared != 0)
                {
                    return descending ? -compared : compared;
                }
            }

            return 0;
        };
        error = "";
        return true;
    }
}
