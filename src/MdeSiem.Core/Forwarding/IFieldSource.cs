using System.Collections.Generic;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// A record seen as named values, whatever its type: the cmdlet layer fills one from a PSObject's properties, so the
/// formatters work the same on MdeSiemAlert, Graph alerts, and plain objects from Import-Csv or ConvertFrom-Json.
/// </summary>
public interface IFieldSource
{
    /// <summary>The fields in the record's own order (the order JSON lines keep).</summary>
    IReadOnlyList<KeyValuePair<string, object?>> Fields { get; }

    /// <summary>Looks a field up by name, case-insensitively.</summary>
    bool TryGetValue(string name, out object? value);
}
