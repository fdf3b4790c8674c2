using System;

namespace MdeSiem.Simulator;

/// <summary>
/// A clock that reads a chosen instant when it is made and then advances with the system's monotonic timer. It puts
/// a run at any hour of the day (a test of six-hour incident blocks needs the hour to be known) while tokens still
/// expire and the request log still ticks as they would. The program's <c>--now</c> sets one.
/// </summary>
public sealed class StartingClock : TimeProvider
{
    private readonly DateTimeOffset start;
    private readonly long startTimestamp;

    public StartingClock(DateTimeOffset start)
    {
        this.start = start.ToUniversalTime();
        startTimestamp = System.GetTimestamp();
    }

    public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(startTimestamp);
}
