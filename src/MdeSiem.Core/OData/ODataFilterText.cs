using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MdeSiem.Core.OData;

/// <summary>Builds OData $filter clauses the way Graph's security API parses them.</summary>
public static class ODataFilterText
{
    /// <summary>An OData DateTimeOffset literal (unquoted), UTC, with the seven fractional digits Graph stores.</summary>
    public static string Time(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>A quoted OData string literal; a single quote is doubled.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>(name eq 'a' or name eq 'b'); null for no values.</summary>
    public static string? AnyOf(string property, IEnumerable<string>? values)
    {
        var list = values?.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (list is null || list.Count == 0)
        {
            return null;
        }

        var clauses = list.Select(value => $"{property} eq {Quote(value)}");
        return list.Count == 1 ? clauses.Single() : "(" + string.Join(" or ", clauses) + ")";
    }

    /// <summary>Joins clauses with "and"; a raw user filter is parenthesised so its "or" keeps its meaning.</summary>
    public static string? And(IEnumerable<string?> clauses)
    {
        var present = clauses.Where(clause => !string.IsNullOrWhiteSpace(clause)).ToList();
        return present.Count == 0 ? null : string.Join(" and ", present);
    }
}
