using System;

namespace MdeSiem.Core.Migration;

/// <summary>One call of a retiring surface in a file: where, what, until when, and what to use instead.</summary>
public sealed class RetiredApiFinding
{
    public RetiredApiFinding(string path, int line, int column, string match, RetiringSurface surface)
    {
        Path = path;
        Line = line;
        Column = column;
        Match = match;
        SurfaceInfo = surface ?? throw new ArgumentNullException(nameof(surface));
    }

    public string Path { get; }

    /// <summary>1-based, as editors count.</summary>
    public int Line { get; }

    /// <summary>1-based, as editors count.</summary>
    public int Column { get; }

    /// <summary>The text that names the surface: the command, or the host and path.</summary>
    public string Match { get; }

    public string Surface => SurfaceInfo.Name;

    public RetirementStatus Status => SurfaceInfo.Status;

    public DateTime RetirementDate => SurfaceInfo.RetirementDate;

    public string Source => SurfaceInfo.Source;

    public string SourceUrl => SurfaceInfo.SourceUrl;

    public string Replacement => SurfaceInfo.Replacement;

    public string Example => SurfaceInfo.Example;

    /// <summary>The table row itself.</summary>
    public RetiringSurface SurfaceInfo { get; }

    public override string ToString() => $"{Path}:{Line}:{Column} {Surface}";
}
