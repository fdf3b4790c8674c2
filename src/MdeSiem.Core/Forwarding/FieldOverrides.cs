using System.Collections.Generic;
using System.Text.RegularExpressions;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// A user's -FieldMap, already resolved to values for one record: an output key and its value. A key the profile
/// maps replaces the profile's value (an empty value drops the key); any other key is added after the profile's.
/// </summary>
public sealed class FieldOverrides
{
    private static readonly Regex KeyPattern = new("^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant);

    private readonly List<KeyValuePair<string, object?>> _values = new();

    public static FieldOverrides None { get; } = new();

    public IReadOnlyList<KeyValuePair<string, object?>> Values => _values;

    /// <summary>Adds a key; keys are letters, digits and underscores, as CEF and LEEF keys must be.</summary>
    public FieldOverrides Add(string key, object? value)
    {
        if (key is null || !KeyPattern.IsMatch(key))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"'{key}' is not a valid CEF or LEEF key: use letters, digits and underscores.")
            {
                RecommendedAction = "Fix the key in -FieldMap.",
            };
        }

        _values.Add(new KeyValuePair<string, object?>(key, value));
        return this;
    }

    public bool TryGet(string key, out object? value)
    {
        foreach (var pair in _values)
        {
            if (string.Equals(pair.Key, key, System.StringComparison.Ordinal))
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }
}
