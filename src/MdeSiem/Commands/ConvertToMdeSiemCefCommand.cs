using System.Collections;
using System.Management.Automation;
using MdeSiem.Core.Forwarding;
using MdeSiem.Forwarding;

namespace MdeSiem.Commands;

/// <summary>
/// Formats SIEM records and Graph alerts as CEF:0 lines with ArcSight's published mapping, escaped as the CEF
/// standard says, one line per record.
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "MdeSiemCef")]
[OutputType(typeof(string))]
public sealed class ConvertToMdeSiemCefCommand : RecordFormatCommand
{
    /// <summary>CEF key to a property name or a script block; replaces or adds extensions.</summary>
    [Parameter]
    public Hashtable? FieldMap
    {
        get => FieldMapValue;
        set => FieldMapValue = value;
    }

    protected override string Format(FieldSource fields, FieldOverrides overrides) =>
        CefFormatter.Format(fields, overrides);
}
