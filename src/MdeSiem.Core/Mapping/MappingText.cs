using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Mapping;

/// <summary>Small text rules shared by both directions of the SIEM-to-Graph mapping.</summary>
internal static class MappingText
{
    // Shared by every empty field: callers only read what Split returns.
    private static readonly List<string> NoPieces = new(0);

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>The non-empty, trimmed pieces of a separated SIEM list field (tags, logged-on users).</summary>
    public static List<string> Split(string? text, char[] separators)
    {
        // Called for every converted alert, mostly on an empty field: nothing allocated then.
        if (string.IsNullOrEmpty(text))
        {
            return NoPieces;
        }

        var pieces = new List<string>();
        foreach (var piece in text!.Split(separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = piece.Trim();
            if (trimmed.Length > 0)
            {
                pieces.Add(trimmed);
            }
        }

        return pieces;
    }

    public static bool IsHex(string? value, int length)
    {
        if (value is null || value.Length != length)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first non-empty value among the parts, in part order.</summary>
    public static string? FirstOf<T>(IReadOnlyList<T> parts, Func<T, string?> field)
    {
        // An indexed loop: a foreach over the interface would allocate an enumerator on every call.
        for (var i = 0; i < parts.Count; i++)
        {
            if (NullIfEmpty(field(parts[i])) is { } value)
            {
                return value;
            }
        }

        return null;
    }
}
