using System.Collections.Generic;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// How one shape of record (SIEM API record, Graph alert) maps onto CEF and LEEF: the header's sources and the
/// extension keys. Source names are tried in order; the first with a value wins.
/// </summary>
public sealed class FieldMapProfile
{
    public string Name { get; init; } = string.Empty;

    public string Vendor { get; init; } = "Microsoft";

    public string Product { get; init; } = string.Empty;

    /// <summary>ArcSight's mapping version for this data ("2.0" in the published mapping).</summary>
    public string Version { get; init; } = "2.0";

    public IReadOnlyList<string> SignatureIdSources { get; init; } = new List<string>();

    /// <summary>Used when no signature id source has a value: the header field may not be empty.</summary>
    public string SignatureIdFallback { get; init; } = "alert";

    public IReadOnlyList<string> NameSources { get; init; } = new List<string>();

    public IReadOnlyList<string> SeveritySources { get; init; } = new List<string>();

    public IReadOnlyList<FieldMapping> CefExtensions { get; init; } = new List<FieldMapping>();

    public IReadOnlyList<FieldMapping> LeefAttributes { get; init; } = new List<FieldMapping>();
}
