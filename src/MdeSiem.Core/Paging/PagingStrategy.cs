namespace MdeSiem.Core.Paging;

/// <summary>How the collection reader walks from one page to the next.</summary>
internal enum PagingStrategy
{
    /// <summary>One request, one page.</summary>
    OnePage,

    /// <summary>Follow the @odata.nextLink of each page until there is none.</summary>
    NextLink,

    /// <summary>$skip past what was read until a page is shorter than $top (the Defender APIs give no next link with $top).</summary>
    Skip,

    /// <summary>Ordered by a time property, each request starting at the last time seen (see <see cref="TimeWindowPager{T}"/>).</summary>
    TimeWindow,
}
