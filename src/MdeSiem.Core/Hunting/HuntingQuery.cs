using System;
using System.Collections.Generic;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.Hunting;

/// <summary>
/// A KQL query for Graph's runHuntingQuery (https://learn.microsoft.com/en-us/graph/api/security-security-runhuntingquery)
/// and the time range it runs over: Start/End, or a Timespan back from End (or now); none means the service's
/// default of 30 days. <see cref="SplitBy"/> runs it over consecutive windows of that length.
/// </summary>
public sealed class HuntingQuery
{
    /// <summary>The service's range when the request gives no Timespan.</summary>
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);

    /// <summary>
    /// The smallest documented row limit: the advanced hunting limits page gives 30,000 rows a query
    /// (https://learn.microsoft.com/en-us/defender-xdr/advanced-hunting-limits), the API pages 100,000
    /// (https://learn.microsoft.com/en-us/defender-xdr/api-advanced-hunting). A result this long may have been cut.
    /// </summary>
    public const int DefaultRowLimit = 30000;

    /// <summary>A split run halves a window whose result reached the row limit, down to this length.</summary>
    public static readonly TimeSpan MinimumWindow = TimeSpan.FromSeconds(1);

    public string Query { get; set; } = string.Empty;

    public DateTime? StartUtc { get; set; }

    public DateTime? EndUtc { get; set; }

    public TimeSpan? Timespan { get; set; }

    public TimeSpan? SplitBy { get; set; }

    /// <summary>A result with this many rows is reported as possibly cut (and split again in a split run).</summary>
    public int RowLimit { get; set; } = DefaultRowLimit;

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Query))
        {
            throw Invalid("The query is empty.");
        }

        if (Timespan is { } span && (span <= TimeSpan.Zero || (StartUtc is not null && EndUtc is not null)))
        {
            throw Invalid(span <= TimeSpan.Zero ? "-Timespan must be positive." : "Give -Start and -End, or -Timespan with one of them, not all three.");
        }

        if (StartUtc is { } start && EndUtc is { } end && start >= end)
        {
            throw Invalid("-Start must be before -End.");
        }

        if (SplitBy is { } split && split < MinimumWindow)
        {
            throw Invalid($"-SplitBy must be at least {MinimumWindow.TotalSeconds} second.");
        }

        if (RowLimit < 1)
        {
            throw Invalid("-RowLimit must be at least 1.");
        }
    }

    /// <summary>
    /// The windows to run, oldest first; one window when the query is not split. Null when no range was given
    /// and the query is not split: the request then carries no Timespan and the service applies its default.
    /// </summary>
    public IReadOnlyList<HuntingWindow>? Windows(DateTime nowUtc)
    {
        if (StartUtc is null && EndUtc is null && Timespan is null && SplitBy is null)
        {
            return null;
        }

        var end = EndUtc ?? (StartUtc is { } first && Timespan is { } forward ? first + forward : nowUtc);
        var start = StartUtc ?? end - (Timespan ?? DefaultRange);
        if (start >= end)
        {
            throw Invalid("The time range is empty: -Start must be before -End (or now).");
        }

        var step = SplitBy ?? end - start;
        var windows = new List<HuntingWindow>();
        for (var from = start; from < end; from += step)
        {
            var until = end - from > step ? from + step : end;
            windows.Add(new HuntingWindow(from, until, until == end));
        }

        return windows;
    }

    private static MdeSiemException Invalid(string message) => new(ErrorCode.InvalidArgument, message);
}
