using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace MdeSiem.Simulator.Mde;

/// <summary>
/// The documented call limits of one Defender API for the tenant (alerts: 100 a minute and 1,500 an hour;
/// incidents: 50 a minute), as a sliding log of the calls it let through. Periods run on the real clock (not the
/// tenant's settable one: the client's budget waits in real time too), multiplied by a scale so tests can shrink
/// an hour to seconds. A call over a limit is refused, not counted, with the seconds until room opens.
/// </summary>
internal sealed class MdeRateLimiter
{
    private readonly object gate = new();
    private readonly List<(int Calls, TimeSpan Period)> limits;
    private readonly Queue<TimeSpan> calls = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public MdeRateLimiter(double timeScale, params (int Calls, TimeSpan Period)[] documented)
    {
        limits = documented.Select(limit => (limit.Calls, TimeSpan.FromTicks((long)(limit.Period.Ticks * timeScale)))).ToList();
    }

    /// <summary>True when the call fits every limit (and is counted); otherwise the wait and the limit it hit.</summary>
    public bool TryAdmit(out TimeSpan retryAfter, out string limitText)
    {
        lock (gate)
        {
            TimeSpan now = clock.Elapsed;
            TimeSpan longest = limits.Max(limit => limit.Period);
            while (calls.Count > 0 && now - calls.Peek() >= longest)
            {
                calls.Dequeue();
            }

            retryAfter = TimeSpan.Zero;
            limitText = "";
            foreach ((int count, TimeSpan period) in limits)
            {
                var inWindow = calls.Where(time => now - time < period).ToList();
                if (inWindow.Count >= count)
                {
                    TimeSpan opens = inWindow[inWindow.Count - count] + period - now;
                    if (opens > retryAfter)
                    {
                        retryAfter = opens;
                        limitText = $"Maximum allowed: {count} per {period:c}.";
                    }
                }
            }

            if (retryAfter > TimeSpan.Zero)
            {
                return false;
            }

            calls.Enqueue(now);
            return true;
        }
    }
}
