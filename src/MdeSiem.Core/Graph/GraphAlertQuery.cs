using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.Errors;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Graph;

/// <summary>
/// What to list from /security/alerts_v2. Friendly filters become an OData $filter on the properties the service
/// filters (assignedTo, classification, determination, createdDateTime, lastUpdateDateTime, severity,
/// serviceSource, status); <see cref="DetectionSources"/> the service cannot filter, so it is applied to each
/// alert as it arrives.
/// </summary>
public sealed class GraphAlertQuery
{
    /// <summary>The service's largest page of alerts.</summary>
    public const int MaximumTop = 2000;

    /// <summary>A raw OData filter, combined with the friendly ones by "and".</summary>
    public string? Filter { get; set; }

    public List<AlertSeverity> Severities { get; } = new();

    public List<AlertStatus> Statuses { get; } = new();

    public List<ServiceSource> ServiceSources { get; } = new();

    public List<AlertClassification> Classifications { get; } = new();

    /// <summary>Applied client-side: the service does not filter on detectionSource.</summary>
    public List<DetectionSource> DetectionSources { get; } = new();

    /// <summary>createdDateTime at or after (inclusive).</summary>
    public DateTime? CreatedAfter { get; set; }

    /// <summary>createdDateTime before (exclusive).</summary>
    public DateTime? CreatedBefore { get; set; }

    /// <summary>lastUpdateDateTime at or after (inclusive).</summary>
    public DateTime? UpdatedAfter { get; set; }

    /// <summary>Page size ($top), 1..2000.</summary>
    public int? Top { get; set; }

    /// <summary>Stop after this many alerts (following pages as needed).</summary>
    public long? First { get; set; }

    /// <summary>Follow every page.</summary>
    public bool All { get; set; }

    /// <summary>A raw $orderby, e.g. "createdDateTime desc".</summary>
    public string? OrderBy { get; set; }

    /// <summary>
    /// True when an -All pull pages by time boundary (ordered by <see cref="BoundaryProperty"/>, each page starting
    /// at the last time seen) instead of following offset-based next links, which shift when alerts arrive mid-pull.
    /// </summary>
    public bool PagesByTimeBoundary => All && string.IsNullOrWhiteSpace(OrderBy);

    /// <summary>The time property a boundary pull orders by: lastUpdateDateTime when only that is bounded.</summary>
    public string BoundaryProperty => UpdatedAfter is not null && CreatedAfter is null && CreatedBefore is null ? "lastUpdateDateTime" : "createdDateTime";

    public void Validate()
    {
        if (Top is < 1 or > MaximumTop)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"Top must be between 1 and {MaximumTop}.");
        }

        if (First is < 1)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "First must be at least 1.");
        }

        if (CreatedAfter is { } after && CreatedBefore is { } before && before <= after)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "CreatedBefore must be later than CreatedAfter.");
        }
    }

    /// <summary>The $filter the service evaluates; null when there is none.</summary>
    public string? BuildServerFilter() => ODataFilterText.And(new[]
    {
        string.IsNullOrWhiteSpace(Filter) ? null : "(" + Filter!.Trim() + ")",
        ODataFilterText.AnyOf("severity", Severities.Select(value => GraphEnum.ToWire(value))),
        ODataFilterText.AnyOf("status", Statuses.Select(value => GraphEnum.ToWire(value))),
        ODataFilterText.AnyOf("serviceSource", ServiceSources.Select(value => GraphEnum.ToWire(value))),
        ODataFilterText.AnyOf("classification", Classifications.Select(value => GraphEnum.ToWire(value))),
        CreatedAfter is { } createdAfter ? "createdDateTime ge " + ODataFilterText.Time(createdAfter) : null,
        CreatedBefore is { } createdBefore ? "createdDateTime lt " + ODataFilterText.Time(createdBefore) : null,
        UpdatedAfter is { } updatedAfter ? "lastUpdateDateTime ge " + ODataFilterText.Time(updatedAfter) : null,
    });

    /// <summary>The filters the service cannot apply, checked on each alert.</summary>
    public bool MatchesClientSide(DefenderAlert alert) =>
        DetectionSources.Count == 0
        || DetectionSources.Any(source => string.Equals(GraphEnum.ToWire(source), alert.DetectionSourceValue, StringComparison.OrdinalIgnoreCase));
}
