using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace MdeSiem.Completers;

/// <summary>
/// Turns candidate values into completion results: case-insensitive prefix match on what was typed (quotes
/// ignored), values with spaces or PowerShell metacharacters quoted so the completed line still parses.
/// </summary>
internal static class CompletionValues
{
    public static IEnumerable<CompletionResult> Complete(IEnumerable<string> values, string? wordToComplete)
    {
        var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return values
            .Where(v => v.Length > 0 && v.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(v => new CompletionResult(Quote(v), v, CompletionResultType.ParameterValue, v));
    }

    private static string Quote(string value) =>
        value.IndexOfAny(new[] { ' ', '&', '$', '\'', '"', '`', '(', ')', '{', '}', ';', ',', '|', '@', '#', '<', '>' }) < 0
            ? value
            : "'" + value.Replace("'", "''") + "'";
}
