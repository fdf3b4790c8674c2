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
/// limit (e.g. 100 per minute and 1,500 per hour), and the wait is logged for -Verbose.
/// </summary>
public sealed class RequestBudget
{
    private readonly object _gate = new();
    private readonly Queue<DateTime> _recentCalls = new();
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
    public static RequestBudget ForApi(string api)
    {
        var limits = api switch
        {
            ApiNames.SiemAlerts or ApiNames.MdeAlerts => new[] { new RateLimit(100, TimeSpan.FromMinutes(1)), new RateLimit(1500, TimeSpan.FromHours(1)) },
            ApiNames.XdrIncidents => new[] { new RateLimit(50, TimeSpan.FromMinutes(1)) },
            ApiNames.GraphSecurity => new[] { new RateLimit(150, TimeSpan.FromMinutes(1)) },
            _ => Array.Empty<RateLimit>(),
        };
        return new RequestBudget(api, limits);
    }

    /// <summary>Waits until a call fits every limit, then counts it.</summary>
    public async Task WaitForTurnAsync(CancellationToken cancellationToken)
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
                    _recentCalls.Enqueue(now);
                    return;
                }
            }

            RequestLog.Write(string.Format(CultureInfo.InvariantCulture, "Waiting {0:0.0} s for the {1} call budget.", wait.TotalSeconds, Api));
            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan TimeUntilRoom(DateTime now)
    {
        var longest = Limits.Count == 0 ? TimeSpan.Zero : Limits.Max(l => l.Period);
        while (_recentCalls.Count > 0 && now - _recentCalls.Peek() >= longest)
        {
            _recentCalls.Dequeue();
        }

        var wait = TimeSpan.Zero;
        foreach (var limit in Limits)
        {
            var inWindow = _recentCalls.Where(t => now - t < limit.Period).ToList();
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
