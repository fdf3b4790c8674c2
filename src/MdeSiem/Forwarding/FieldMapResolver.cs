using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Forwarding;

namespace MdeSiem.Forwarding;

/// <summary>
/// A user's -FieldMap: output key to a property name of the input, or to a script block run with $_ set to the
/// input. Script blocks run here, on the pipeline thread, because the core has no engine.
/// </summary>
internal sealed class FieldMapResolver
{
    private readonly List<KeyValuePair<string, object>> _entries = new();

    public FieldMapResolver(Hashtable? map)
    {
        if (map is null)
        {
            return;
        }

        foreach (DictionaryEntry entry in map)
        {
            var key = entry.Key?.ToString() ?? string.Empty;
            var target = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
            if (target is not (string or ScriptBlock))
            {
                throw new MdeSiemException(ErrorCode.InvalidArgument, $"-FieldMap entry '{key}' must map to a property name or a script block.")
                {
                    RecommendedAction = "Use @{ key = 'PropertyName' } or @{ key = { $_.Property } }.",
                };
            }

            // Validates the key once, before any record is formatted.
            new FieldOverrides().Add(key, null);
            _entries.Add(new KeyValuePair<string, object>(key, target));
        }

        // Hashtables have no order: sort so output is the same on every run.
        _entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
    }

    public FieldOverrides Resolve(PSObject input, FieldSource fields)
    {
        if (_entries.Count == 0)
        {
            return FieldOverrides.None;
        }

        var overrides = new FieldOverrides();
        foreach (var entry in _entries)
        {
            if (entry.Value is ScriptBlock script)
            {
                var output = script.InvokeWithContext(null, new List<PSVariable> { new("_", input) });
                object? value = output.Count switch
                {
                    0 => null,
                    1 => output[0]?.BaseObject,
                    _ => Unwrap(output),
                };
                overrides.Add(entry.Key, value);
            }
            else
            {
                fields.TryGetValue((string)entry.Value, out var value);
                overrides.Add(entry.Key, value);
            }
        }

        return overrides;
    }

    private static List<object?> Unwrap(IEnumerable<PSObject> output)
    {
        var values = new List<object?>();
        foreach (var item in output)
        {
            values.Add(item?.BaseObject);
        }

        return values;
    }
}
