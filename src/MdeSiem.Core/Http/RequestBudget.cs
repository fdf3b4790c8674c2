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
/// limit (e.g. 100 per minute and 1,500 per hour), and the wait is logged for -Verbose. A call counts from when its
/// answer arrived (see <see cref="EnterAsync"/>), so network delays cannot make the budget looser than the service.
/// </summary>
public sealed class RequestBudget
{
    private readonly object _gate = new();
    private readonly List<Turn> _calls = new();
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
    public static RequestBudget ForApi(string api) => ForApi(api, timeScale: 1);

    /// <summary>
    /// The documented limits with every period multiplied by <paramref name="timeScale"/>: tests run against a
    /// simulator whose limit windows are scaled down the same way, so a 30,000-alert pull takes seconds.
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
            // "List incidents API" (https://learn.microsoft.com/defender-xdr/api-list-incidents): "Rate limitations for
            // this API are 50 calls per minute and 1500 calls per hour."
            ApiNames.XdrIncidents => new[] { new RateLimit(50, TimeSpan.FromMinutes(1)), new RateLimit(1500, TimeSpan.FromHours(1)) },
            ApiNames.GraphSecurity => new[] { new RateLimit(150, TimeSpan.FromMinutes(1)) },
            // Advanced hunting: 45 calls a minute and 1,500 an hour
            // (https://learn.microsoft.com/en-us/defender-endpoint/api/run-advanced-query-api, api-advanced-hunting).
            ApiNames.GraphHunting => new[] { new RateLimit(45, TimeSpan.FromMinutes(1)), new RateLimit(1500, TimeSpan.FromHours(1)) },
            _ => Array.Empty<RateLimit>(),
        };
        return new RequestBudget(api, limits.Select(limit => new RateLimit(limit.Calls, TimeSpan.FromTicks((long)(limit.Period.Ticks * timeScale)))).ToArray());
    }

    /// <summary>Waits until a call fits every limit, then counts it as made now.</summary>
    public async Task WaitForTurnAsync(CancellationToken cancellationToken)
    {
        using var turn = await EnterAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until a call fits every limit and counts it as in flight until the returned turn is disposed (when
    /// the answer's headers have arrived); from then on it counts from that moment. The service counts a call
    /// when the request reaches it, somewhere between sending and answering: counting from the answer, and while
    /// the call is in flight as if it were now, never counts a call as older than the service does, so however
    /// much the network delays vary the budget cannot let through a call the service would refuse with 429.
    /// </summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        var logged = false;
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = _now();
                wait = TimeUntilRoom(now);
                if (wait <= TimeSpan.Zero)
                {
                    var turn = new Turn(this);
                    _calls.Add(turn);
                    return turn;
                }
            }

            // A timer may wake a hair early and leave a sliver to wait: one line per real wait, not per wake-up.
            if (!logged || wait >= TimeSpan.FromSeconds(1))
            {
                RequestLog.Write(string.Format(CultureInfo.InvariantCulture, "Waiting {0:0.0} s for the {1} call budget.", wait.TotalSeconds, Api));
                logged = true;
            }

            await _delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan TimeUntilRoom(DateTime now)
    {
        var longest = Limits.Count == 0 ? TimeSpan.Zero : Limits.Max(l => l.Period);
        _calls.RemoveAll(call => call.CountedFrom is { } time && now - time >= longest);

        var wait = TimeSpan.Zero;
        foreach (var limit in Limits)
        {
            var inWindow = _calls
                .Select(call => call.CountedFrom ?? now)
                .Where(time => now - time < limit.Period)
                .OrderBy(time => time)
                .ToList();
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

    /// <summary>One counted call: in flight until disposed, then counted from the moment it was disposed.</summary>
    private sealed class Turn : IDisposable
    {
        private readonly RequestBudget _budget;

        public Turn(RequestBudget budget)
        {
            _budget = budget;
        }

        public DateTime? CountedFrom { get; private set; }

        public void Dispose()
        {
            lock (_budget._gate)
            {
                CountedFrom ??= _budget._now();
            }
        }
    }
}
