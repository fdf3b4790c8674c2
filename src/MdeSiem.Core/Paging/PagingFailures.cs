using System;
using System.Text.RegularExpressions;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Paging;

/// <summary>Which failures a pull may work around (by splitting a window, by dropping $expand) and how.</summary>
internal static class PagingFailures
{
    private static readonly Regex ExpandOption = new(@"(?<=[?&])(\$|%24)expand=[^&]*(&|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// A failure on the service's side that a different request may avoid: 5xx or a timeout after the retries, a
    /// body that broke off or is not valid JSON, or a 400 once the same query has been accepted before (a 400 on the
    /// first request is the query's fault). Never throttling, auth or permissions.
    /// </summary>
    public static bool CanWorkAround(MdeSiemException exception, bool queryAcceptedBefore) =>
        exception.Code is ErrorCode.ServiceError or ErrorCode.Timeout or ErrorCode.InvalidResponse or ErrorCode.IncompleteResponse
        || (exception.Code == ErrorCode.BadRequest && queryAcceptedBefore);

    /// <summary>The same request without its $expand option.</summary>
    public static Uri WithoutExpand(Uri uri)
    {
        var text = ExpandOption.Replace(uri.AbsoluteUri, string.Empty).TrimEnd('&', '?');
        return new Uri(text);
    }
}
