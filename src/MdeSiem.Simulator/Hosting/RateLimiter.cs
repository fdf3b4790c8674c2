using System;
using System.Collections.Generic;

namespace MdeSiem.Simulator.Hosting;

/// <summary>
/// Request limits per API, as the real services enforce them per (tenant, application): at most N accepted requests
/// in any sliding window. A request over the limit is refused with the time until the oldest accepted request
/// leaves the window, for Retry-After; refused requests do not count. APIs without a limit are never refused.
/// </summary>
internal sealed class RateLimiter
{
    private readonly object gate = new();
    private readonly TimeProvider clock;
    private readonly Dictionary<string, Window> windows = new(StringComparer.Ordinal);

    public RateLimiter(TimeProvider clock)
    {
        this.clock = clock;
    }

    /// <summary>Limits <paramref name="api"/> to <paramref name="requests"/> in any <paramref name="period"/>.</summary>
    public void Limit(string api, int requests, TimeSpan period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        lock (gate)
        {
            windows[api] = new Window(requests, period);
        }
    }

    /// <summary>Counts the request and returns true, or returns false with the wait after which one would fit.</summary>
    public bool TryAcquire(string api, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        lock (gate)
        {
            if (!windows.TryGetValue(api, out Window? window))
            {
                return true;
            }

            DateTimeOffset now = clock.GetUtcNow();
            while (window.Accepted.Count > 0 && now - window.Accepted.Peek() >= window.Period)
            {
                window.Accepted.Dequeue();
            }

            if (window.Accepted.Count >= window.Requests)
            {
                retryAfter = window.Accepted.Peek() + window.Period - now;
                return false;
            }

            window.Accepted.Enqueue(now);
            return true;
        }
    }

    private sealed class Window(int requests, TimeSpan period)
    {
        public int Requests { get; } = requests;

        public TimeSpan Period { get; } = period;

        public Queue<DateTimeOffset> Accepted { get; } = new();
    }
}
