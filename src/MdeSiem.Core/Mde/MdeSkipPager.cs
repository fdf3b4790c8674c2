using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using System.Threading;

namespace MdeSiem.Core.Mde;

/// <summary>
/// Pages a Defender API collection with $top and $skip (the alerts API gives no next link when $top is set, and
/// the incidents API pages the same way): the next page is requested only when the pipeline wants it, and the
/// pull ends at the first page shorter than $top. Items that arrive mid-pull push older ones to later offsets, so
/// one can come back on the next page: it is dropped by id, so each item is delivered once.
/// </summary>
internal static class MdeSkipPager
{
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        Func<int, IAsyncEnumerable<T>> readPageAt,
        Func<T, string?> idOf,
        int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skip = 0;
        while (true)
        {
            var count = 0;
            await foreach (var item in readPageAt(skip).ConfigureAwait(false))
            {
                count++;
                if (idOf(item) is { } id && !seen.Add(id))
                {
                    continue;
                }

                yield return item;
            }

            if (count < pageSize)
            {
                yield break;
            }

            skip += count;
        }
    }
}
