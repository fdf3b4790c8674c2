using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.Errors;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Mde;

/// <summary>
/// What to list from the Defender for Endpoint alerts API. Friendly filters become an OData $filter on the
/// properties the service filters (alertCreationTime, lastUpdateTime, incidentId, investigationId, id, assignedTo,
/// detectionSource, lastEventTime, status, severity, category); <see cref="Filter"/> adds raw OData.
/// </summary>
public sealed class MdeAlertQuery
{
    /// <summary>The service's largest page ($top) of alerts.</summary>
    public const int MaximumTop = 10000;

    /// <summary>A raw OData filter, combined with the friendly ones by "and".</summary>
    public string? Filter { get; set; }

    public List<MdeAlertStatus> Statuses { get; } = new();

    public List<MdeAlertSeverity> Severities { get; } = new();

    /// <summary>Service names such as WindowsDefenderAtp or WindowsDefenderAv.</summary>
    public List<string> DetectionSources { get; } = new();

    public List<string> Categories { get; } = new();

    public string? AssignedTo { get; set; }

    public long? IncidentId { get; set; }

    public long? InvestigationId { get; set; }

    /// <summary>alertCreationTime at or after (inclusive).</summary>
    public DateTime? CreatedAfter { get; set; }

    /// <summary>alertCreationTime before (exclusive).</summary>
    public DateTime? CreatedBefore { get; set; }

    /// <summary>lastUpdateTime at or after (inclusive).</summary>
    public DateTime? UpdatedAfter { get; set; }

    /// <summary>lastUpdateTime before (exclusive).</summary>
    public DateTime? UpdatedBefore { get; set; }

    /// <summary>Page size ($top), 1..10,000; without <see cref="All"/> the number of alerts to get.</summary>
    public int? Top { get; set; }

    /// <summary>Page with $top and $skip until a page comes back short (the service gives no next link when $top is set).</summary>
    public bool All { get; set; }

    /// <summary>$expand=evidence.</summary>
    public bool IncludeEvidence { get; set; }

    /// <summary>The page size of an <see cref="All"/> pull.</summary>
    public int PageSize => Top ?? MaximumTop;

    public void Validate()
    {
        if (Top is < 1 or > MaximumTop)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"Top must be between 1 and {MaximumTop}.");
        }

        if (CreatedAfter is { } after && CreatedBefore is { } before && before <= after)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "CreatedBefore must be later than CreatedAfter.");
        }

        if (UpdatedAfter is { } updatedAfter && UpdatedBefore is { } updatedBefore && updatedBefore <= updatedAfter)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "UpdatedBefore must be later than UpdatedAfter.");
        }
    }

    /// <summary>The $filter to send, or null for none.</summary>
    public string? BuildFilter() => ODataFilterText.And(new[]
    {
        string.IsNullOrWhiteSpace(Filter) ? null : "(" + Filter!.Trim() + ")",
        ODataFilterText.AnyOf("status", Statuses.Select(status => status.ToString())),
        ODataFilterText.AnyOf("severity", Severities.Select(severity => severity.ToString())),
        ODataFilterText.AnyOf("detectionSource", DetectionSources),
        ODataFilterText.AnyOf("category", Categories),
        AssignedTo is null ? null : "assignedTo eq " + ODataFilterText.Quote(AssignedTo),
        IncidentId is { } incident ? "incidentId eq " + incident.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        InvestigationId is { } investigation ? "investigationId eq " + investigation.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        CreatedAfter is { } createdAfter ? "alertCreationTime ge " + ODataFilterText.Time(createdAfter) : null,
        CreatedBefore is { } createdBefore ? "alertCreationTime lt " + ODataFilterText.Time(createdBefore) : null,
        UpdatedAfter is { } updatedAfter ? "lastUpdateTime ge " + ODataFilterText.Time(updatedAfter) : null,
        UpdatedBefore is { } updatedBefore ? "lastUpdateTime lt " + ODataFilterText.Time(updatedBefore) : null,
    });
}
