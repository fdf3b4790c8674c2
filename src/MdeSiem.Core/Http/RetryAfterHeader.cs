using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace MdeSiem.Core.Http;

/// <summary>
/// Reads a response's Retry-After as the service sent it. HTTP defines whole delay-seconds or an HTTP-date
/// (RFC 9110, section 10.2.3), but Microsoft Graph's throttling page shows <c>Retry-After: 2.128</c>
/// (https://learn.microsoft.com/graph/throttling#sample-response), which <see cref="System.Net.Http.Headers.HttpResponseHeaders.RetryAfter"/>
/// cannot parse and reports as absent. Every form is read here from the raw text, so a wait the service asked for is
/// never replaced by a shorter back-off.
/// </summary>
internal static class RetryAfterHeader
{
    private const string Name = "Retry-After";

    /// <summary>The wait the response asks for, rounded up to the next tick; null when it names none it can be read as.</summary>
    public static TimeSpan? Read(HttpResponseMessage? response, DateTimeOffset now)
    {
        // Values the typed parser refused are still returned here, as the text that arrived.
        if (response is null || !response.Headers.TryGetValues(Name, out var values))
        {
            return null;
        }

        return Parse(values.FirstOrDefault(), now);
    }

    /// <summary>Seconds (with or without a fraction) or an HTTP date; a date in the past is no wait.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            var ticks = Math.Ceiling(seconds * TimeSpan.TicksPerSecond);
            return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
        }

        if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
