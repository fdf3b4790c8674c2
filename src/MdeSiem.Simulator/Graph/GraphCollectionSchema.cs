using System;
using System.Collections.Generic;

namespace MdeSiem.Simulator.Graph;

/// <summary>What a Graph collection lets clients filter, sort and expand, and its page-size maximum.</summary>
internal sealed record GraphCollectionSchema<T>(
    string EntityType,
    int MaximumTop,
    ISet<string> Properties,
    IReadOnlyDictionary<string, Func<T, object?>> Filterable,
    IReadOnlyDictionary<string, Func<T, IComparable?>> Sortable,
    Func<T, IComparable?> DefaultOrder,
    Func<T, IComparable?> Id,
    IReadOnlyList<string> Expandable);
