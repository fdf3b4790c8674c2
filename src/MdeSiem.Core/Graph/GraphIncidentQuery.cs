using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.Errors;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Graph;

/// <summary>What to list from /security/incidents; friendly filters become an OData $filter.</summary>
public sealed class GraphIncidentQuery
{
    /// <summary>The service's largest page of incidents.</summary>
    public const int MaximumTop = 50;

    public string? Filter { get; set; }

    public List<AlertSeverity> Severities { get; } = new();

    public List<IncidentStatus> Statuses { get; } = new();

    public List<AlertClassification> Classifications { get; } = new();

    public DateTime? CreatedAfter { get; set; }

    public DateTime? CreatedBefore { get; set; }

    public DateTime? UpdatedAfter { get; set; }

    public int? Top { get; set; }

    public long? First { get; set; }

    public bool All { get; set; }

    public string? OrderBy { get; set; }

    /// <summary>Ask for each incident's alerts ($expand=alerts).</summary>
    public bool ExpandAlerts { get; set; }

    public void Validate()
    {
        if (Top is < 1 or > MaximumTop)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"Top must be between 1 and {MaximumTop} for incidents.");
        }

        if (First is < 1)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "First must be at least 1.");
        }
    }

    public string? BuildServerFilter() => ODataFilterText.And(new[]
    {
        string.IsNullOrWhiteSpace(Filter) ? null : "(" + Filter!.Trim() + ")",
        ODataFilterText.AnyOf("severity", Severities.Select(value => GraphEnum.ToWire(value))),
        ODataFilterText.AnyOf("status", Statuses.Select(value => GraphEnum.ToWire(value))),
        ODataFilterText.AnyOf("classification", Classifications.Select(value => GraphEnum.ToWire(value))),
        CreatedAfter is { } createdAfter ? "createdDateTime ge " + ODataFilterText.Time(createdAfter) : null,
        CreatedBefore is { } createdBefore ? "createdDateTime lt " + ODataFilterText.Time(createdBefore) : null,
        UpdatedAfter is { } updatedAfter ? "lastUpdateDateTime ge " + ODataFilterText.Time(updatedAfter) : null,
    });
}
