using System;
using System.Globalization;
using System.IO;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Output;

/// <summary>
/// The -OutFile path, which may hold a composite-format date item such as <c>alerts-{0:yyyy-MM-dd}.jsonl</c>: the
/// item is filled with the UTC time of writing, so a new file starts each UTC day (log shippers that tail a folder
/// pick each new file up). A path without an item is one file.
/// </summary>
public sealed class OutFileName
{
    private readonly string _pattern;

    // An undated name is the same file at every write: formatted once, not once a record.
    private readonly string? _fixedPath;

    private OutFileName(string pattern, bool isDated)
    {
        _pattern = pattern;
        IsDated = isDated;
        _fixedPath = isDated ? null : string.Format(CultureInfo.InvariantCulture, pattern, DateTime.MinValue);
    }

    /// <summary>True when the name changes with the date.</summary>
    public bool IsDated { get; }

    /// <summary>Checks the pattern once, so a bad format item fails before anything is pulled.</summary>
    public static OutFileName Parse(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "The -OutFile path is empty.");
        }

        var full = Path.GetFullPath(path);
        string probe;
        try
        {
            probe = string.Format(CultureInfo.InvariantCulture, full, new DateTime(2000, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        }
        catch (FormatException exception)
        {
            throw new MdeSiemException(
                ErrorCode.InvalidArgument,
                $"The -OutFile path '{path}' has a format item other than a date ({{0:yyyy-MM-dd}}): {exception.Message}",
                exception)
            {
                RecommendedAction = "Use {0:yyyy-MM-dd} (or another .NET date format) for a file per UTC day; write a literal brace as {{ or }}.",
                Target = path,
            };
        }

        return new OutFileName(full, !string.Equals(probe, full.Replace("{{", "{").Replace("}}", "}"), StringComparison.Ordinal));
    }

    /// <summary>The file to write at <paramref name="utcNow"/>.</summary>
    public string PathAt(DateTime utcNow) =>
        _fixedPath ?? string.Format(CultureInfo.InvariantCulture, _pattern, DateTime.SpecifyKind(utcNow, DateTimeKind.Utc));
}
