using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Forwarding;

/// <summary>Applies a profile's mappings and a user's overrides to a record: the key/value pairs to write, in order.</summary>
internal static class MappedFields
{
    public static List<KeyValuePair<string, string>> Resolve(IFieldSource source, IReadOnlyList<FieldMapping> mappings, FieldOverrides overrides)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var mapped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            mapped.Add(mapping.Key);
            string? text;
            if (overrides.TryGet(mapping.Key, out var overridden))
            {
                text = FieldValues.Format(overridden, mapping.Kind);
            }
            else
            {
                text = FieldValues.Format(FieldValues.First(source, mapping.Sources), mapping.Kind);
            }

            if (text is null)
            {
                continue;
            }

            pairs.Add(new KeyValuePair<string, string>(mapping.Key, text));
            if (mapping.LabelKey is not null && mapping.Label is not null && !overrides.TryGet(mapping.LabelKey, out _))
            {
                pairs.Add(new KeyValuePair<string, string>(mapping.LabelKey, mapping.Label));
            }
        }

        foreach (var pair in overrides.Values)
        {
            if (mapped.Contains(pair.Key))
            {
                continue;
            }

            var text = FieldValues.ToText(pair.Value);
            if (text is not null)
            {
                pairs.Add(new KeyValuePair<string, string>(pair.Key, text));
            }
        }

        return pairs;
    }
}
