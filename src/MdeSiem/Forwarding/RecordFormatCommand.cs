using System.Collections;
using System.Management.Automation;
using MdeSiem.Core.Forwarding;

namespace MdeSiem.Forwarding;

/// <summary>
/// The shared shape of the ConvertTo-MdeSiem* cmdlets: one record in, one string out. Subclasses only choose the
/// core formatter.
/// </summary>
public abstract class RecordFormatCommand : MdeSiemCmdlet
{
    private FieldMapResolver? _fieldMap;

    /// <summary>A SIEM record, a Graph alert, or any object with the same property names.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject? InputObject { get; set; }

    protected abstract string Format(FieldSource fields, FieldOverrides overrides);

    /// <summary>The -FieldMap of the formats that take one (JSON lines do not: they carry every property).</summary>
    protected Hashtable? FieldMapValue { get; set; }

    protected override void ProcessRecordCore()
    {
        _fieldMap ??= new FieldMapResolver(FieldMapValue);
        var fields = PSObjectFields.From(InputObject!);
        WriteObject(Format(fields, _fieldMap.Resolve(InputObject!, fields)));
    }
}
