using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Core.Errors;

namespace MdeSiem.Core.OData;

/// <summary>
/// What the list queries of Graph's security collections and the Defender APIs share: a raw OData filter, the
/// created and updated time bounds, the page size and whether to read every page. Each query adds the filters of
/// its collection (<see cref="CollectionClauses"/>) and names its time properties; the $filter text is built here,
/// in one order (raw filter, the collection's clauses, the time bounds), which checkpoint files record as their scope.
/// </summary>
public abstract class ODataListQuery
{
    protected ODataListQuery(int largestTop, string createdProperty, string updatedProperty)
    {
        LargestTop = largestTop;
        CreatedProperty = createdProperty;
        UpdatedProperty = updatedProperty;
    }

    /// <summary>The service's largest page ($top) of this collection.</summary>
    public int LargestTop { get; }

    /// <summary>The time property <see cref="CreatedAfter"/> and <see cref="CreatedBefore"/> bound.</summary>
    public string CreatedProperty { get; }

    /// <summary>The time property <see cref="UpdatedAfter"/> bounds, and the one checkpointed runs page by.</summary>
    public string UpdatedProperty { get; }

    /// <summary>A raw OData filter, combined with the friendly ones by "and".</summary>
    public string? Filter { get; set; }

    /// <summary>Created at or after (inclusive).</summary>
    public DateTime? CreatedAfter { get; set; }

    /// <summary>Created before (exclusive).</summary>
    public DateTime? CreatedBefore { get; set; }

    /// <summary>Updated at or after (inclusive).</summary>
    public DateTime? UpdatedAfter { get; set; }

    /// <summary>Page size ($top), 1..<see cref="LargestTop"/>.</summary>
    public int? Top { get; set; }

    /// <summary>Read every page.</summary>
    public bool All { get; set; }

    /// <summary>What a list pull pages by, for -Verbose (a time property, $skip); null when it reads one page or follows next links.</summary>
    public abstract string? PagedBy { get; }

    public virtual void Validate()
    {
        if (Top is < 1 || Top > LargestTop)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"Top must be between 1 and {LargestTop}.");
        }

        if (CreatedAfter is { } after && CreatedBefore is { } before && before <= after)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, "CreatedBefore must be later than CreatedAfter.");
        }
    }

    /// <summary>The $filter the service evaluates; null when there is none.</summary>
    public string? BuildFilter() => ODataFilterText.And(
        new[] { string.IsNullOrWhiteSpace(Filter) ? null : "(" + Filter!.Trim() + ")" }
            .Concat(CollectionClauses())
            .Concat(TimeClauses()));

    /// <summary>The clauses of the collection's own filters, in the order they have always been written.</summary>
    protected abstract IEnumerable<string?> CollectionClauses();

    /// <summary>The time bounds: created from and before, updated from.</summary>
    protected virtual IEnumerable<string?> TimeClauses() => new[]
    {
        CreatedAfter is { } createdAfter ? CreatedProperty + " ge " + ODataFilterText.Time(createdAfter) : null,
        CreatedBefore is { } createdBefore ? CreatedProperty + " lt " + ODataFilterText.Time(createdBefore) : null,
        UpdatedAfter is { } updatedAfter ? UpdatedProperty + " ge " + ODataFilterText.Time(updatedAfter) : null,
    };
}
