using System;
using System.Management.Automation;
using MdeSiem.Core.Graph;
using MdeSiem.Core.Mapping;
using MdeSiem.Core.Siem;

namespace MdeSiem.Commands;

/// <summary>
/// The way back from ConvertTo-GraphAlert: Graph alerts (live from Get-DefenderAlert, or converted) as flat legacy
/// SIEM records, one per part evidence, so parsers and CSV schemas built for the SIEM API keep working.
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "MdeSiemAlert")]
[OutputType(typeof(MdeSiemAlert))]
public sealed class ConvertToMdeSiemAlertCommand : MdeSiemCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowNull]
    public DefenderAlert?[] InputObject { get; set; } = Array.Empty<DefenderAlert?>();

    protected override void ProcessRecordCore()
    {
        foreach (var alert in InputObject)
        {
            if (alert is null)
            {
                continue;
            }

            foreach (var record in GraphToSiemMapper.Map(alert))
            {
                WriteObject(record);
            }
        }
    }
}
