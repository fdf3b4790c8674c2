using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace MdeSiem.Core.Http;

/// <summary>
/// The documented call limits of one API for one (tenant, application), shared by every cmdlet of a connection.
/// A request waits for room instead of tripping a 429: a sliding log of recent call times is checked against each
/// limit (e.g. 100 per minute and 1,500 per hour), and the wait is logged for -Verbose. A call counts from when it
/// is sent until its response arrives (<see cref="Complete"/> moves its time to the arrival): the service counts a
/// call when it receives it, which is after the client sent it, so counting the later time keeps every window the
/// service sees within the limit even when a call is slow to leave (a token fetched first, a slow network).
/// </summary>
public sealed class RequestBudget
{
    private readonly object _gate = new();
    private readonly Queue<RequestSlot> _recentCalls = new();
    private readonly Func<DateTime> _now;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public RequestBudget(string api, IReadOnlyList<RateLimit> limits, Func<DateTime>? now = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        Api = api;
        Limits = limits ?? throw new ArgumentNullException(nameof(limits));
        _now = now ?? (() => DateTime.UtcNow);
        _delay = delay ?? Task.Delay;
    }

    public string Api { get; }

    public IReadOnlyList<RateLimit> Limits { get; }

    /// <summary>The limits Microsoft documents for the APIs the module calls; unknown APIs get none.</summary>
    public static RequestBudget ForApi(string api) => ForApi(api, 1.0);

    /// <summary>
    /// The documented limits with every period multiplied by <paramref name="timeScale"/>: tests shrink an hour to
    /// seconds to prove a long pull stays under the (equally scaled) limits of the simulated service.
    /// </summary>
    public static RequestBudget ForApi(string api, double timeScale)
    {
        if (!(timeScale > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(timeScale));
        }

        var limits = api switch
        {
            ApiNames.SiemAlerts or ApiNames.MdeAlerts => new[] { new RateLimit(100, TimeSpan.FromMinutes(1)), new RateLimit(1500, TimeSpan.FromHours(1)) },
            ApiNames.XdrIncidents => new[] { new RateLimit(50, TimeSpan.FromMinutes(1)) },
            ApiNames.GraphSecurity => new[] { new RateLimit(150, TimeSpan.FromMinutes(1)) },
            _ => Array.Empty<RateLimit>(),
        };
        return new RequestBudget(api, limits.Select(limit => new RateLimit(limit.Calls, TimeSpan.FromTicks((long)(limit.Period.Ticks * timeScale)))).ToList());
    }

    /// <summary>Waits until a call fits every limit, then counts it; pass the result to <see cref="Complete"/>.</summary>
    public async Task<RequestSlot> WaitForTurnAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _now();
                wait = TimeUntilRoom(now);
                if (wait <= TimeSpan.Zero)
                {
                    var slot = new RequestSlot(now);
                    _recentCalls.Enqueue(slot);
                    return slot;
                }
            }

            RequestLog.Write(string.Format(CultureInfo.InvariantCulture, "Waiting {0:0.0} s for the {1} call budget.", wait.TotalSeconds, Api));
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The call's response has arrived: from now on it counts from this later time.</summary>
    public void Complete(RequestSlot slot)
    {
        if (slot is null)
        {
            throw new ArgumentNullException(nameof(slot));
        }

        lock (_gate)
        {
            var now = _now();
            if (now > slot.Time)
            {
                slot.Time = now;
            }
        }
    }

    private TimeSpan TimeUntilRoom(DateTime now)
    {
        var longest = Limits.Count == 0 ? TimeSpan.Zero : Limits.Max(l => l.Period);
        while (_recentCalls.Count > 0 && now - _recentCalls.Peek().Time >= longest)
        {
            _recentCalls.Dequeue();
        }

        var wait = TimeSpan.Zero;
        foreach (var limit in Limits)
        {
            var inWindow = _recentCalls.Select(slot => slot.Time).Where(t => now - t < limit.Period).OrderBy(t => t).ToList();
            if (inWindow.Count >= limit.Calls)
            {
                // Room opens when the oldest call that keeps the window full leaves it.
                var opens = inWindow[inWindow.Count - limit.Calls] + limit.Period - now;
                if (opens > wait)
                {
                    wait = opens;
                }
            }
        }

        return wait;
    }
}
