using System;
using System.Collections.Generic;
using System.Linq;

namespace MdeSiem.Core.Mapping;

/// <summary>Small text rules shared by both directions of the SIEM-to-Graph mapping.</summary>
internal static class MappingText
{
    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The non-empty, trimmed pieces of a separated SIEM list field (tags, logged-on users).</summary>
    public static IEnumerable<string> Split(string? text, params char[] separators) =>
        (text ?? string.Empty).Split(separators, StringSplitOptions.RemoveEmptyEntries)
            .Select(piece => piece.Trim())
            .Where(piece => piece.Length > 0);

    public static bool IsHex(string? value, int length) =>
        value is not null && value.Length == length && value.All(Uri.IsHexDigit);

    /// <summary>The first non-empty value among the parts, in part order.</summary>
    public static string? FirstOf<T>(IReadOnlyList<T> parts, Func<T, string?> field)
    {
        foreach (var part in parts)
        {
            if (NullIfEmpty(field(part)) is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
