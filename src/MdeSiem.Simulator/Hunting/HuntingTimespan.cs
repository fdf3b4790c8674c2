using System;
using System.Globalization;
using System.Xml;

namespace MdeSiem.Simulator.Hunting;

/// <summary>
/// runHuntingQuery's Timespan (https://learn.microsoft.com/en-us/graph/api/security-security-runhuntingquery):
/// "start/end", "P30D/end", "start/P30D", "P30D" (back from now) or "start" (until now); absent means the last
/// 30 days. Whether the end is inclusive is not documented: the simulator does either (see
/// <see cref="SimulatorOptions.HuntingTimespanEndInclusive"/>).
/// </summary>
internal static class HuntingTimespan
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(30);

    public static (DateTime Start, DateTime End) Parse(string? text, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (nowUtc - Default, nowUtc);
        }

        string[] parts = text.Split('/');
        if (parts.Length > 2)
        {
            throw Invalid(text);
        }

        if (parts.Length == 1)
        {
            return IsDuration(parts[0]) ? (nowUtc - Duration(parts[0], text), nowUtc) : (Time(parts[0], text), nowUtc);
        }

        if (IsDuration(parts[0]))
        {
            DateTime end = Time(parts[1], text);
            return (end - Duration(parts[0], text), end);
        }

        DateTime start = Time(parts[0], text);
        return IsDuration(parts[1]) ? (start, start + Duration(parts[1], text)) : (start, Time(parts[1], text));
    }

    private static bool IsDuration(string part) => part.StartsWith('P') || part.StartsWith('-');

    private static TimeSpan Duration(string part, string whole)
    {
        try
        {
            return XmlConvert.ToTimeSpan(part);
        }
        catch (FormatException)
        {
            throw Invalid(whole);
        }
    }

    private static DateTime Time(string part, string whole) =>
        DateTime.TryParse(part, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime time)
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : throw Invalid(whole);

    private static KqlError Invalid(string text) => new($"The timespan '{text}' is not a valid ISO 8601 interval.");
}
