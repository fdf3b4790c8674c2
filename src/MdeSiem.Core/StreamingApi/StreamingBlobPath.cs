using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MdeSiem.Core.StreamingApi;

/// <summary>
/// Where the Streaming API puts an hour of records in a table's container:
/// "tenantId=&lt;tenant&gt;/y=YYYY/m=MM/d=DD/h=HH/m=00/PT1H.json", one append blob per tenant and hour, the layout of
/// Azure Monitor's resource-log export that the Streaming API uses.
/// </summary>
public static class StreamingBlobPath
{
    private static readonly Regex HourPattern = new(
        @"(?:^|/)y=(?<y>\d{4})/m=(?<mo>\d{2})/d=(?<d>\d{2})/h=(?<h>\d{2})/m=(?<mi>\d{2})/[^/]+$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    public static string For(string tenantId, DateTime hourUtc)
    {
        var hour = Floor(hourUtc);
        return string.Format(CultureInfo.InvariantCulture, "tenantId={0}/y={1:yyyy}/m={1:MM}/d={1:dd}/h={1:HH}/m=00/PT1H.json", tenantId, hour);
    }

    /// <summary>The hour a blob holds, read from its name; false for a name of another shape.</summary>
    public static bool TryParseHour(string blobName, out DateTime hourUtc)
    {
        hourUtc = default;
        var match = HourPattern.Match(blobName ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        int Part(string name) => int.Parse(match.Groups[name].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        try
        {
            hourUtc = new DateTime(Part("y"), Part("mo"), Part("d"), Part("h"), Part("mi"), 0, DateTimeKind.Utc);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>The start of the hour that contains the time, in UTC.</summary>
    public static DateTime Floor(DateTime timeUtc)
    {
        var utc = timeUtc.Kind == DateTimeKind.Local ? timeUtc.ToUniversalTime() : timeUtc;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
    }
}
