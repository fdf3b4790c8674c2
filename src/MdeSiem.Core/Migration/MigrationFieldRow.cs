using System.Collections.Generic;

namespace MdeSiem.Core.Migration;

/// <summary>The comparison's result for one row of the mapping table.</summary>
public sealed class MigrationFieldRow
{
    internal MigrationFieldRow(MigrationRow row)
    {
        Field = row.Field;
        Mapping = row.IsMapped ? "->" : "X";
        GraphProperty = row.GraphProperty;
    }

    /// <summary>The SIEM API property.</summary>
    public string Field { get; }

    /// <summary>"->" when the table maps it to Graph, "X" when Graph has no place for it.</summary>
    public string Mapping { get; }

    public string GraphProperty { get; }

    /// <summary>SIEM records in the window with a non-empty value.</summary>
    public int RecordsWithValue { get; internal set; }

    /// <summary>Paired alerts whose SIEM records have a value for the field.</summary>
    public int PairedWithValue { get; internal set; }

    /// <summary>Of those, how many Graph alerts carry the same value after mapping.</summary>
    public int Same { get; internal set; }

    /// <summary>Of those, how many Graph alerts carry another value (or none).</summary>
    public int Different { get; internal set; }

    /// <summary>X rows: the non-empty values (records) that will no longer reach the SIEM after the switch.</summary>
    public int Lost { get; internal set; }

    /// <summary>Same as a share of PairedWithValue (0..1), null when no paired alert had a value or the row is X.</summary>
    public double? Agreement => Mapping == "X" || PairedWithValue == 0 ? null : (double)Same / PairedWithValue;

    /// <summary>Up to MaxExamples differing alerts: ids and both values.</summary>
    public List<MigrationValueExample> Examples { get; } = new();
}
