using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// An ordered, case-insensitive set of named values. Values are strings, numbers, booleans, DateTime or
/// DateTimeOffset, nested <see cref="IFieldSource"/>s, lists of those, or null.
/// </summary>
public sealed class FieldSource : IFieldSource
{
    private readonly List<KeyValuePair<string, object?>> _fields = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    /// <summary>Adds a field; a second field of the same name (ignoring case) replaces the first's value.</summary>
    public FieldSource Add(string name, object? value)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (_index.TryGetValue(name, out var position))
        {
            _fields[position] = new KeyValuePair<string, object?>(_fields[position].Key, value);
        }
        else
        {
            _index[name] = _fields.Count;
            _fields.Add(new KeyValuePair<string, object?>(name, value));
        }

        return this;
    }

    public bool TryGetValue(string name, out object? value)
    {
        if (_index.TryGetValue(name, out var position))
        {
            value = _fields[position].Value;
            return true;
        }

        value = null;
        return false;
    }
}
