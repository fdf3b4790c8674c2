using System;
using System.IO;
using System.Management.Automation;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Hunting;
using MdeSiem.Hunting;

namespace MdeSiem.Commands;

/// <summary>
/// Runs an advanced hunting query (KQL) with Microsoft Graph's POST /security/runHuntingQuery and writes its rows as
/// they are parsed, typed by the result's schema. -SplitBy runs it over consecutive windows so a long range is read
/// completely; a result that reaches the row limit is reported as MdeSiem.HuntingResultTruncated.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "DefenderHuntingQuery", DefaultParameterSetName = QuerySet)]
[OutputType(typeof(PSObject), typeof(HuntingSchema))]
public sealed class InvokeDefenderHuntingQueryCommand : MdeSiemConnectedCmdlet
{
    private const string QuerySet = "Query";
    private const string FileSet = "File";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = QuerySet, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public string Query { get; set; } = string.Empty;

    /// <summary>A file holding the query (a .kql file).</summary>
    [Parameter(Mandatory = true, ParameterSetName = FileSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    [Parameter]
    public DateTime Start { get; set; }

    [Parameter]
    public DateTime End { get; set; }

    /// <summary>The length of the range: back from -End (or now), or forward from -Start.</summary>
    [Parameter]
    public TimeSpan Timespan { get; set; }

    /// <summary>Run the query over consecutive windows of this length.</summary>
    [Parameter]
    public TimeSpan SplitBy { get; set; }

    /// <summary>The row count at which a result counts as cut.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int RowLimit { get; set; } = HuntingQuery.DefaultRowLimit;

    /// <summary>Write the result's schema (a HuntingSchema) before its rows.</summary>
    [Parameter]
    public SwitchParameter IncludeSchema { get; set; }

    protected override void ProcessRecordCore()
    {
        var bound = MyInvocation.BoundParameters;
        var query = new HuntingQuery
        {
            Query = ParameterSetName == FileSet ? ReadQueryFile() : Query,
            StartUtc = bound.ContainsKey(nameof(Start)) ? Start.ToUniversalTime() : null,
            EndUtc = bound.ContainsKey(nameof(End)) ? End.ToUniversalTime() : null,
            Timespan = bound.ContainsKey(nameof(Timespan)) ? Timespan : null,
            SplitBy = bound.ContainsKey(nameof(SplitBy)) ? SplitBy : null,
            RowLimit = RowLimit,
        };
        query.Validate();
        var connection = RequireConnection();
        var progress = new PullProgress(this, "Running an advanced hunting query");
        var report = new HuntingRunReport { Statistics = progress.Statistics };
        var rows = new HuntingQueryClient(connection).RunAsync(query, report, CancellationToken);
        void AfterWrite(object _)
        {
            progress.Tick();
            WriteCuts(report);
        }

        if (IncludeSchema.IsPresent)
        {
            WriteEach(HuntingOutput.SchemaThenRows(rows, report), HuntingRowOutput.From, AfterWrite);
        }
        else
        {
            WriteEach(rows, HuntingRowOutput.From, AfterWrite);
        }

        progress.Complete();
        WriteCuts(report);
        WriteVerbose($"Hunting query: {report.Requests} request(s).");
    }

    private void WriteCuts(HuntingRunReport report)
    {
        while (report.TryTakeCut(out var cut))
        {
            WriteError(ErrorRecords.From(cut!));
        }
    }

    private string ReadQueryFile()
    {
        var resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        try
        {
            return File.ReadAllText(resolved);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new MdeSiemException(ErrorCode.InvalidArgument, $"The query file '{resolved}' cannot be read: {exception.Message}", exception);
        }
    }
}
