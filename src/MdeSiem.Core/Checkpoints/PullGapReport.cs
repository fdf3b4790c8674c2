using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace MdeSiem.Core.Checkpoints;

/// <summary>
/// The gaps a pull ran into, collected on whichever thread reads the pages and taken by the pipeline thread, which
/// writes each as a non-terminating error. It also remembers the earliest gap, which caps the next watermark.
/// </summary>
public sealed class PullGapReport
{
    private readonly ConcurrentQueue<WindowGap> _unreported = new();
    private readonly object _gate = new();
    private DateTime? _earliestFromUtc;
    private bool _hasOpenStart;
    private int _count;

    /// <summary>How many gaps were found.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public void Add(WindowGap gap)
    {
        if (gap is null)
        {
            throw new ArgumentNullException(nameof(gap));
        }

        lock (_gate)
        {
            _count++;
            if (gap.FromUtc is not { } from)
            {
                _hasOpenStart = true;
            }
            else if (_earliestFromUtc is null || from < _earliestFromUtc)
            {
                _earliestFromUtc = from;
            }
        }

        _unreported.Enqueue(gap);
    }

    /// <summary>The earliest time not known to be complete, or null when there was no gap.</summary>
    /// <param name="pullStartUtc">Where the pull started: the answer for a gap without a known start.</param>
    public DateTime? EarliestGapUtc(DateTime pullStartUtc)
    {
        lock (_gate)
        {
            if (_hasOpenStart)
            {
                return pullStartUtc;
            }

            return _earliestFromUtc;
        }
    }

    /// <summary>Gaps not taken yet, oldest first.</summary>
    public IEnumerable<WindowGap> TakeUnreported()
    {
        while (_unreported.TryDequeue(out var gap))
        {
            yield return gap;
        }
    }
}
