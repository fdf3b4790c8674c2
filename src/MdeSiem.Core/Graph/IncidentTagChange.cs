using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Graph;

/// <summary>
/// A change to an incident's tags: the whole list replaced, or tags added and removed. Both incident APIs replace
/// the list as a whole, so adding or removing means reading the current list first.
/// </summary>
public sealed class IncidentTagChange
{
    /// <summary>Replaces the tags; an empty list removes them all.</summary>
    public IReadOnlyList<string>? Replace { get; set; }

    public IReadOnlyList<string> Add { get; set; } = Array.Empty<string>();

    /// <summary>Compared without regard to case.</summary>
    public IReadOnlyList<string> Remove { get; set; } = Array.Empty<string>();

    public bool NeedsCurrentTags => Replace is null && (Add.Count > 0 || Remove.Count > 0);

    public bool IsEmpty => Replace is null && !NeedsCurrentTags;

    public void Validate()
    {
        if (Replace is not null && (Add.Count > 0 || Remove.Count > 0))
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "Give either the whole tag list or tags to add and remove, not both.");
        }
    }

    /// <summary>The tags after the change: the current ones in their order, less those removed, new ones last.</summary>
    public IReadOnlyList<string> ApplyTo(IEnumerable<string> current)
    {
        if (Replace is not null)
        {
            return Replace;
        }

        var tags = current.Where(tag => !Remove.Contains(tag, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var tag in Add)
        {
            if (!tags.Contains(tag, StringComparer.OrdinalIgnoreCase) && !Remove.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }

        return tags;
    }

    /// <summary>For -WhatIf: "tags = [a, b]" or "add tags = a, remove tags = b"; null when nothing changes.</summary>
    public string? Describe(string listName)
    {
        if (Replace is not null)
        {
            return listName + " = [" + string.Join(", ", Replace) + "]";
        }

        var parts = new List<string>();
        if (Add.Count > 0)
        {
            parts.Add("add tags = " + string.Join(", ", Add));
        }

        if (Remove.Count > 0)
        {
            parts.Add("remove tags = " + string.Join(", ", Remove));
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
