using System.Collections;
using System.Management.Automation;
using MdeSiem.Core.Forwarding;
using MdeSiem.Forwarding;

namespace MdeSiem.Commands;

/// <summary>Formats SIEM records and Graph alerts as LEEF 2.0 events for QRadar, one line per record.</summary>
[Cmdlet(VerbsData.ConvertTo, "MdeSiemLeef")]
[OutputType(typeof(string))]
public sealed class ConvertToMdeSiemLeefCommand : RecordFormatCommand
{
    /// <summary>LEEF key to a property name or a script block; replaces or adds attributes.</summary>
    [Parameter]
    public Hashtable? FieldMap
    {
        get => FieldMapValue;
        set => FieldMapValue = value;
    }

    /// <summary>The attribute delimiter; a tab unless given.</summary>
    [Parameter]
    public char Delimiter { get; set; } = LeefFormatter.DefaultDelimiter;

    protected override string Format(FieldSource fields, FieldOverrides overrides) =>
        LeefFormatter.Format(fields, Delimiter, overrides);
}
