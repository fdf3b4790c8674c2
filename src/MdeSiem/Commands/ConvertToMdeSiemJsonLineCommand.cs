using System.Management.Automation;
using MdeSiem.Core.Forwarding;
using MdeSiem.Forwarding;

namespace MdeSiem.Commands;

/// <summary>
/// Formats any record as one compact JSON object per line (the record's own property order, UTC ISO 8601 times),
/// for Splunk, Elastic and files built with Add-Content.
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "MdeSiemJsonLine")]
[OutputType(typeof(string))]
public sealed class ConvertToMdeSiemJsonLineCommand : RecordFormatCommand
{
    protected override string Format(FieldSource fields, FieldOverrides overrides) =>
        JsonLineFormatter.Format(fields);
}
