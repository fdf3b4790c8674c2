using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using MdeSiem.Completers;
using MdeSiem.Core.Migration;

namespace MdeSiem.Commands;

/// <summary>
/// Compares the SIEM API with Graph alerts_v2 over one window on the user's tenant: what pairs, what only one side
/// has and why, and per row of the mapping table whether Graph carries the same value. Compare is the approved verb
/// for "compares data from two resources"; Test would promise a true/false answer.
/// </summary>
[Cmdlet(VerbsData.Compare, "MdeSiemMigration")]
[OutputType(typeof(MigrationSummary), typeof(MigrationFieldRow))]
public sealed class CompareMdeSiemMigrationCommand : MdeSiemConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    public DateTime SinceTimeUtc { get; set; }

    /// <summary>The end of the window (exclusive); now when not given.</summary>
    [Parameter(Position = 1)]
    public DateTime UntilTimeUtc { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(MachineGroupCompleter))]
    public string[]? MachineGroup { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DeviceCreatedMachineTag { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CloudCreatedMachineTag { get; set; }

    [Parameter]
    public SwitchParameter IncludeMdeApi { get; set; }

    [Parameter]
    [ValidateRange(0, 1000)]
    public int MaxExamples { get; set; } = 5;

    /// <summary>Where to write the self-contained HTML report.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ReportPath { get; set; }

    protected override void ProcessRecordCore()
    {
        var window = new MigrationWindow
        {
            SinceTimeUtc = SinceTimeUtc,
            UntilTimeUtc = MyInvocation.BoundParameters.ContainsKey(nameof(UntilTimeUtc)) ? UntilTimeUtc : DateTime.UtcNow,
            DeviceCreatedMachineTag = DeviceCreatedMachineTag,
            CloudCreatedMachineTag = CloudCreatedMachineTag,
            IncludeMdeApi = IncludeMdeApi,
            MaxExamples = MaxExamples,
        };
        foreach (var group in MachineGroup ?? Array.Empty<string>())
        {
            window.MachineGroups.Add(group);
        }

        window.Validate();
        var connection = RequireConnection();
        var progress = new ProgressRecord(1, "Comparing the SIEM API with Microsoft Graph alerts", $"{window.SinceTimeUtc:u} to {window.UntilTimeUtc:u}");
        WriteProgress(progress);
        var report = Await(MigrationComparison.RunAsync(connection, window, CancellationToken));
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);

        if (ReportPath is not null)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(ReportPath);
            File.WriteAllText(path, MigrationReportHtml.Write(report), new UTF8Encoding(false));
            WriteVerbose("Wrote the report to " + path);
        }

        WriteObject(report.Summary);
        foreach (var row in report.Rows)
        {
            WriteObject(row);
        }
    }
}
