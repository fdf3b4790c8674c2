using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.Errors;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Mde;

/// <summary>
/// What to list from the Defender XDR incidents API: OData $filter on the properties it filters (lastUpdateTime,
/// createdTime, status, assignedTo), $top up to 100, $skip paging.
/// </summary>
public sealed class MdeIncidentQuery
{
    /// <summary>The service's largest page ($top) of incidents.</summary>
    public const int MaximumTop = 100;

    public string? Filter { get; set; }

    public List<MdeIncidentStatus> Statuses { get; } = new();

    public string? AssignedTo { get; set; }

    /// <summary>createdTime at or after (inclusive).</summary>
    public DateTime? CreatedAfter { get; set; }

    /// <summary>createdTime before (exclusive).</summary>
    public DateTime? CreatedBefore { get; set; }

    /// <summary>lastUpdateTime at or after (inclusive).</summary>
    public DateTime? UpdatedAfter { get; set; }

    /// <summary>lastUpdateTime before (exclusive).</summary>
    public DateTime? UpdatedBefore { get; set; }

    public int? Top { get; set; }

    public bool All { get; set; }

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
    }

    public string? BuildFilter() => ODataFilterText.And(new[]
    {
        string.IsNullOrWhiteSpace(Filter) ? null : "(" + Filter!.Trim() + ")",
        ODataFilterText.AnyOf("status", Statuses.Select(status => status.ToString())),
        AssignedTo is null ? null : "assignedTo eq " + ODataFilterText.Quote(AssignedTo),
        CreatedAfter is { } createdAfter ? "createdTime ge " + ODataFilterText.Time(createdAfter) : null,
        CreatedBefore is { } createdBefore ? "createdTime lt " + ODataFilterText.Time(createdBefore) : null,
        UpdatedAfter is { } updatedAfter ? "lastUpdateTime ge " + ODataFilterText.Time(updatedAfter) : null,
        UpdatedBefore is { } updatedBefore ? "lastUpdateTime lt " + ODataFilterText.Time(updatedBefore) : null,
    });
}
