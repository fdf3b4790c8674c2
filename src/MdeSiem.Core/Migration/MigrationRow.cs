using System;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Siem;

namespace MdeSiem.Core.Migration;

/// <summary>
/// One row of the SIEM-to-Graph mapping table (docs/siem-to-graph-mapping.md) as the migration comparison reads it:
/// the SIEM field's value in a record, and the Graph property it becomes, read the same way from a Graph alert built
/// by the mapper and from the alert Graph returns, so the two can be compared as text.
/// </summary>
public sealed class MigrationRow
{
    internal MigrationRow(string field, string graphProperty, Func<MdeSiemAlert, object?> siemValue, Func<DefenderAlert, string?>? graphValue)
    {
        Field = field;
        GraphProperty = graphProperty;
        SiemValue = siemValue;
        GraphValue = graphValue;
    }

    /// <summary>The SIEM API property, as the table names it.</summary>
    public string Field { get; }

    /// <summary>The table's right-hand column.</summary>
    public string GraphProperty { get; }

    /// <summary>False for the rows the table marks X: the value does not reach Graph at all.</summary>
    public bool IsMapped => GraphValue is not null;

    public Func<MdeSiemAlert, object?> SiemValue { get; }

    /// <summary>The row's Graph property as comparable text (sets sorted and joined), null when absent; null for X rows.</summary>
    public Func<DefenderAlert, string?>? GraphValue { get; }
}
