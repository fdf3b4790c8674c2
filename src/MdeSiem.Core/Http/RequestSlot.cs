using System;

namespace MdeSiem.Core.Http;

/// <summary>One call counted by a <see cref="RequestBudget"/>: sent at <see cref="Time"/>, moved to its response's arrival.</summary>
public sealed class RequestSlot
{
    internal RequestSlot(DateTime time)
    {
        Time = time;
    }

    public DateTime Time { get; internal set; }
}
