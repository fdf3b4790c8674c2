using System;

namespace MdeSiem.Core.Paging;

/// <summary>The time property a window is paged by, how to read it off an item, and the window [from, until); either bound may be open.</summary>
internal sealed class TimeWindow<T>
{
    public TimeWindow(string property, Func<T, DateTime?> timeOf, DateTime? fromUtc, DateTime? untilUtc)
    {
        Property = property;
        TimeOf = timeOf;
        FromUtc = fromUtc;
        UntilUtc = untilUtc;
    }

    public string Property { get; }

    public Func<T, DateTime?> TimeOf { get; }

    public DateTime? FromUtc { get; }

    public DateTime? UntilUtc { get; }
}
