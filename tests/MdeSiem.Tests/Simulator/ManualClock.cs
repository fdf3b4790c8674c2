using System;
using System.Threading;

namespace MdeSiem.Tests.Simulator;

/// <summary>A clock the test moves by hand, so token expiry and the "now"-relative windows need no waiting.</summary>
internal sealed class ManualClock : TimeProvider
{
    private long utcTicks;

    public ManualClock(DateTimeOffset start)
    {
        utcTicks = start.UtcTicks;
    }

    /// <summary>A fixed, whole-second instant for tests that need "now" to be exact.</summary>
    public static ManualClock AtFixedTime() => new(new DateTimeOffset(2026, 3, 14, 15, 9, 26, TimeSpan.Zero));

    public DateTime UtcNow => new(Interlocked.Read(ref utcTicks), DateTimeKind.Utc);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref utcTicks, by.Ticks);
}
