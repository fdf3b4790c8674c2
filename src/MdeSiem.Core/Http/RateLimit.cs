using System;

namespace MdeSiem.Core.Http;

/// <summary>At most <see cref="Calls"/> calls in any <see cref="Period"/>.</summary>
public sealed class RateLimit
{
    public RateLimit(int calls, TimeSpan period)
    {
        Calls = calls;
        Period = period;
    }

    public int Calls { get; }

    public TimeSpan Period { get; }
}
