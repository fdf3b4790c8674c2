using System;
using System.Globalization;
using System.Linq;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace MdeSiem.Simulator.Siem;

/// <summary>
/// Reads the documented query parameters (names case-insensitive, as ASP.NET matches them). Defaults per the API
/// documentation: no time parameter means the last two hours; until defaults to now; ago=ISO 8601 duration means
/// [now - ago, now) and cannot be combined with since or until. The upper bound never goes past now, so records
/// whose time is still in the future stay invisible until the clock reaches them.
/// </summary>
internal static class AlertQueryParser
{
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(2);

    public static bool TryParse(IQueryCollection query, DateTime nowUtc, out AlertQuery? parsed, out string error)
    {
        parsed = null;
        if (!TryGetSingle(query, "sinceTimeUtc", out string? since, out error)
            || !TryGetSingle(query, "untilTimeUtc", out string? until, out error)
            || !TryGetSingle(query, "ago", out string? ago, out error)
            || !TryGetSingle(query, "limit", out string? limit, out error)
            || !TryGetSingle(query, "DeviceCreatedMachineTags", out string? deviceTag, out error)
            || !TryGetSingle(query, "CloudCreatedMachineTags", out string? cloudTag, out error))
        {
            return false;
        }

        if (ago is not null && (since is not null || until is not null))
        {
            error = "The 'ago' parameter cannot be combined with 'sinceTimeUtc' or 'untilTimeUtc'.";
            return false;
        }

        DateTime sinceUtc = nowUtc - DefaultWindow;
        DateTime untilUtc = nowUtc;
        if ((since is not null && !TryParseTime("sinceTimeUtc", since, out sinceUtc, out error))
            || (until is not null && !TryParseTime("untilTimeUtc", until, out untilUtc, out error))
            || (ago is not null && !TryParseAgo(ago, nowUtc, out sinceUtc, out error)))
        {
            return false;
        }

        if (since is not null && until is not null && sinceUtc > untilUtc)
        {
            error = "'sinceTimeUtc' must not be later than 'untilTimeUtc'.";
            return false;
        }

        int? limitValue = null;
        if (limit is not null)
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value < 1)
            {
                error = $"The value '{limit}' is not valid for 'limit'; expected a positive integer.";
                return false;
            }

            limitValue = value;
        }

        string[] groups = query["machinegroups"].Where(group => !string.IsNullOrEmpty(group)).Select(group => group!).ToArray();
        untilUtc = untilUtc > nowUtc ? nowUtc : untilUtc;
        parsed = new AlertQuery(sinceUtc, untilUtc, limitValue, groups, deviceTag, cloudTag);
        return true;
    }

    private static bool TryGetSingle(IQueryCollection query, string name, out string? value, out string error)
    {
        value = null;
        error = "";
        if (!query.TryGetValue(name, out StringValues values))
        {
            return true;
        }

        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            error = $"The parameter '{name}' must be given once, with a value.";
            return false;
        }

        value = values[0];
        return true;
    }

    /// <summary>A time without a zone ("2016-09-12T00:00:00.000", as documented) is UTC; one with an offset is converted.</summary>
    private static bool TryParseTime(string name, string text, out DateTime valueUtc, out string error)
    {
        error = "";
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out valueUtc))
        {
            return true;
        }

        error = $"The value '{text}' is not a valid DateTime for '{name}'.";
        return false;
    }

    private static bool TryParseAgo(string text, DateTime nowUtc, out DateTime sinceUtc, out string error)
    {
        sinceUtc = default;
        error = "";
        try
        {
            TimeSpan ago = XmlConvert.ToTimeSpan(text);
            if (ago >= TimeSpan.Zero && ago.Ticks <= nowUtc.Ticks)
            {
                sinceUtc = nowUtc - ago;
                return true;
            }
        }
        catch (FormatException)
        {
            // Reported below with the same message as an out-of-range duration.
        }
        catch (OverflowException)
        {
            // As above.
        }

        error = $"The value '{text}' is not a valid ISO 8601 duration for 'ago' (for example PT10M).";
        return false;
    }
}
