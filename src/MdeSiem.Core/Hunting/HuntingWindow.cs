using System;
using System.Globalization;

namespace MdeSiem.Core.Hunting;

/// <summary>
/// One time range a hunting query runs over, sent as runHuntingQuery's Timespan in its Date/Date form
/// ("2024-02-01T08:00:00Z/2024-02-15T08:00:00Z"). <see cref="IsLast"/> marks the window that ends the whole range.
/// </summary>
public readonly struct HuntingWindow
{
    public HuntingWindow(DateTime startUtc, DateTime endUtc, bool isLast)
    {
        StartUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        EndUtc = DateTime.SpecifyKind(endUtc, DateTimeKind.Utc);
        IsLast = isLast;
    }

    public DateTime StartUtc { get; }

    public DateTime EndUtc { get; }

    public bool IsLast { get; }

    public TimeSpan Length => EndUtc - StartUtc;

    public string ToTimespan() => Format(StartUtc) + "/" + Format(EndUtc);

    /// <summary>The two halves; only the second can be the last.</summary>
    public (HuntingWindow First, HuntingWindow Second) Halve()
    {
        var middle = StartUtc + TimeSpan.FromTicks(Length.Ticks / 2);
        return (new HuntingWindow(StartUtc, middle, isLast: false), new HuntingWindow(middle, EndUtc, IsLast));
    }

    public override string ToString() => ToTimespan();

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
