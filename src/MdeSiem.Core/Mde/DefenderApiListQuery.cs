using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.Errors;
using MdeSiem.Core.OData;

namespace MdeSiem.Core.Mde;

/// <summary>
/// What the Defender for Endpoint alerts API and the Defender XDR incidents API add to a list query: an upper bound
/// on lastUpdateTime, assignedTo, and paging by $top and $skip (they give no next link when $top is set).
/// </summary>
public abstract class DefenderApiListQuery : ODataListQuery
{
    protected DefenderApiListQuery(int largestTop, string createdProperty)
        : base(largestTop, createdProperty, MdeCheckpointScope.WatermarkProperty)
    {
    }

    /// <summary>lastUpdateTime before (exclusive).</summary>
    public DateTime? UpdatedBefore { get; set; }

    /// <summary>Who the record is assigned to; an empty string lists the unassigned ones.</summary>
    public string? AssignedTo { get; set; }

    /// <summary>The page size of an <see cref="ODataListQuery.All"/> pull.</summary>
    public int PageSize => Top ?? LargestTop;

    public override string? PagedBy => All ? "$skip" : null;

    public override void Validate()
    {
        base.Validate();
        if (UpdatedAfter is { } updatedAfter && UpdatedBefore is { } updatedBefore && updatedBefore <= updatedAfter)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "UpdatedBefore must be later than UpdatedAfter.");
        }
    }

    /// <summary>The assignedTo clause, or null.</summary>
    protected string? AssignedToClause => AssignedTo is null ? null : "assignedTo eq " + ODataFilterText.Quote(AssignedTo);

    protected override IEnumerable<string?> TimeClauses() => base.TimeClauses().Concat(new[]
    {
        UpdatedBefore is { } updatedBefore ? UpdatedProperty + " lt " + ODataFilterText.Time(updatedBefore) : null,
    });
}
