using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using MdeSiem.Core.Graph;

namespace MdeSiem.Tests.Mapping;

/// <summary>
/// Follows a path of Graph wire names (evidence / fileEvidence / fileDetails / sha1) through a DefenderAlert and
/// returns every leaf value found there as text. A segment naming an evidence kind keeps the evidence of that kind;
/// other segments are properties (a typed enum property's text sits in its *Value twin).
/// </summary>
internal static class GraphPathWalker
{
    public static IReadOnlyList<string> LeavesAt(DefenderAlert alert, IReadOnlyList<string> path)
    {
        IEnumerable<object> current = new object[] { alert };
        foreach (var segment in path)
        {
            current = current.SelectMany(Expand).SelectMany(item => Step(item, segment)).ToList();
        }

        var leaves = new List<string>();
        foreach (var item in current)
        {
            Flatten(item, leaves, depth: 0);
        }

        return leaves;
    }

    private static IEnumerable<object> Step(object item, string segment)
    {
        if (item is AlertEvidence evidence && segment.EndsWith("Evidence", StringComparison.Ordinal))
        {
            return evidence.Kind == segment ? new[] { item } : Array.Empty<object>();
        }

        var property = item.GetType().GetProperty(segment + "Value", BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
            ?? item.GetType().GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property?.GetValue(item) is { } value ? new[] { value } : Array.Empty<object>();
    }

    private static IEnumerable<object> Expand(object item) =>
        item is IEnumerable list and not string ? list.Cast<object>().Where(element => element is not null) : new[] { item };

    private static void Flatten(object? value, List<string> leaves, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                leaves.Add(text);
                return;
            case DateTime time:
                leaves.Add(time.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture));
                return;
            case IFormattable formattable when value.GetType().IsPrimitive || value is Enum:
                leaves.Add(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case IEnumerable list:
                foreach (var element in list)
                {
                    Flatten(element, leaves, depth + 1);
                }

                return;
        }

        if (depth > 3)
        {
            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                Flatten(property.GetValue(value), leaves, depth + 1);
            }
        }
    }
}
