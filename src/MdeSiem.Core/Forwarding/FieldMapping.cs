using System.Collections.Generic;

namespace MdeSiem.Core.Forwarding;

/// <summary>
/// One output key and where its value comes from: the first of <see cref="Sources"/> that has a value. A custom
/// key (cs1, cn2, flexString1) carries its label in a companion key, written only when the value is.
/// </summary>
public sealed class FieldMapping
{
    public FieldMapping(string key, IReadOnlyList<string> sources, FieldValueKind kind = FieldValueKind.Text, string? labelKey = null, string? label = null)
    {
        Key = key;
        Sources = sources;
        Kind = kind;
        LabelKey = labelKey;
        Label = label;
    }

    public string Key { get; }

    public IReadOnlyList<string> Sources { get; }

    public FieldValueKind Kind { get; }

    public string? LabelKey { get; }

    public string? Label { get; }
}
