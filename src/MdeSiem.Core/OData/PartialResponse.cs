using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Http;

namespace MdeSiem.Core.OData;

/// <summary>
/// Graph's security API is federated: when a provider behind it fails, it answers 206 Partial Content with what
/// the other providers gave, and one Warning header item per failed provider:
/// <c>199 - "{Vendor}/{Provider}/{StatusCode}/{LatencyInMs}"</c> (learn.microsoft.com, security-error-codes).
/// </summary>
internal static class PartialResponse
{
    private const int PartialContent = 206;

    public static bool IsPartial(HttpResponseMessage response) => (int)response.StatusCode == PartialContent;

    /// <summary>The failed providers as "Vendor/Provider (status)", from the Warning header.</summary>
    public static IReadOnlyList<string> FailedProviders(HttpResponseMessage response)
    {
        var providers = new List<string>();
        if (!response.Headers.TryGetValues("Warning", out var values))
        {
            return providers;
        }

        foreach (var value in values)
        {
            foreach (var item in SplitItems(value))
            {
                var parts = item.Split('/');
                providers.Add(parts.Length >= 3 ? $"{parts[0]}/{parts[1]} ({parts[2]})" : item);
            }
        }

        return providers;
    }

    public static MdeSiemException ToError(HttpResponseMessage response, Uri uri)
    {
        var providers = FailedProviders(response);
        var named = providers.Count == 0 ? "a provider it did not name" : string.Join(", ", providers);
        return new MdeSiemException(
            ErrorCode.PartialResult,
            $"Microsoft Graph returned partial results (206): {named} failed. The records that came were delivered; the missing part is read again by the next run of a checkpointed pull.")
        {
            RecommendedAction = "Run the command again later; with -Checkpoint the next run re-reads this part of the window.",
            RequestId = ResponseHeaders.RequestId(response),
            Target = HttpFailureTranslator.RedactQuery(uri),
        };
    }

    /// <summary>The quoted texts of a Warning header value: 199 - "a/b/504/10000", 199 - "c/d/403/10".</summary>
    private static IEnumerable<string> SplitItems(string value)
    {
        var quoted = value.Split('"');
        var found = false;
        for (var i = 1; i < quoted.Length; i += 2)
        {
            found = true;
            yield return quoted[i].Trim();
        }

        if (!found && value.Trim().Length > 0)
        {
            yield return value.Trim();
        }
    }
}
