using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MdeSiem.Simulator.Hosting;

/// <summary>
/// Request limits per API, as the real services enforce them per (tenant, application): at most N accepted requests
/// in any sliding window, with several windows per API where the service documents several (100 a minute and 1,500
/// an hour). A request over a limit is refused with the time until room opens, for Retry-After; refused requests do
/// not count. APIs without a limit are never refused. Windows run on the clock given, normally the real one: the
/// client's budget waits in real time too, so a settable tenant clock must not move them.
/// </summary>
internal sealed class RateLimiter
{
    private readonly object gate = new();
    private readonly TimeProvider clock;
    private readonly Dictionary<string, List<Window>> windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<DateTimeOffset>> accepted = new(StringComparer.Ordinal);

    public RateLimiter(TimeProvider clock)
    {
        this.clock = clock;
    }

    /// <summary>Adds a limit of <paramref name="requests"/> in any <paramref name="period"/> to <paramref name="api"/>.</summary>
    public void Limit(string api, int requests, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        lock (gate)
        {
            if (!windows.TryGetValue(api, out List<Window>? limits))
            {
                windows[api] = limits = new List<Window>();
                accepted[api] = new Queue<DateTimeOffset>();
            }

            limits.Add(new Window(requests, period));
        }
    }

    /// <summary>Counts the request and returns true, or returns false with the wait after which one would fit.</summary>
    public bool TryAcquire(string api, out TimeSpan retryAfter) => TryAcquire(api, out retryAfter, out _);

    /// <summary>As <see cref="TryAcquire(string, out TimeSpan)"/>, also naming the limit that refused the request.</summary>
    public bool TryAcquire(string api, out TimeSpan retryAfter, out string limitText)
    {
        retryAfter = TimeSpan.Zero;
        limitText = "";
        lock (gate)
        {
            if (!windows.TryGetValue(api, out List<Window>? limits))
            {
                return true;
            }

            Queue<DateTimeOffset> times = accepted[api];
            DateTimeOffset now = clock.GetUtcNow();
            TimeSpan longest = limits.Max(limit => limit.Period);
            while (times.Count > 0 && now - times.Peek() >= longest)
            {
                times.Dequeue();
            }

            foreach (Window limit in limits)
            {
                List<DateTimeOffset> inWindow = times.Where(time => now - time < limit.Period).ToList();
                if (inWindow.Count >= limit.Requests)
                {
                    // Room opens when the oldest request that keeps the window full leaves it.
                    TimeSpan opens = inWindow[inWindow.Count - limit.Requests] + limit.Period - now;
                    if (opens > retryAfter)
                    {
                        retryAfter = opens;
                        limitText = string.Format(CultureInfo.InvariantCulture, "Maximum allowed: {0} per {1:c}.", limit.Requests, limit.Period);
                    }
                }
            }

            if (retryAfter > TimeSpan.Zero)
            {
                return false;
            }

            times.Enqueue(now);
            return true;
        }
    }

    private sealed class Window(int requests, TimeSpan period)
    {
        public int Requests { get; } = requests;

        public TimeSpan Period { get; } = period;
    }
}
