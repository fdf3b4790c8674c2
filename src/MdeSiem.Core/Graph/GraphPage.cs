using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>One page of a Graph collection: its items and the link to the next page, if any.</summary>
internal sealed class GraphPage<T>
{
    public GraphPage(List<T> items, string? nextLink)
    {
        Items = items;
        NextLink = nextLink;
    }

    public List<T> Items { get; }

    public string? NextLink { get; }
}
