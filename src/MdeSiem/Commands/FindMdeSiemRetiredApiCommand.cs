using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Migration;
using MdeSiem.Migration;

namespace MdeSiem.Commands;

/// <summary>
/// Lists every call of a retiring or retired API in scripts and code: PowerShell through the PowerShell parser, other
/// text files by pattern outside their comments. Each finding says where, which surface, until when, and what to use
/// instead (the retirement table in MdeSiem.Core.Migration.RetiringSurfaces).
/// </summary>
[Cmdlet(VerbsCommon.Find, "MdeSiemRetiredApi")]
[OutputType(typeof(RetiredApiFinding))]
public sealed class FindMdeSiemRetiredApiCommand : MdeSiemCmdlet
{
    private readonly RetiredApiScanner _scanner = new(PowerShellRetiredApiScanner.Scan);

    /// <summary>Files or folders (wildcards allowed); a folder is read with everything below it.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = Array.Empty<string>();

    protected override void ProcessRecordCore()
    {
        foreach (var item in Path)
        {
            foreach (var resolved in Resolve(item))
            {
                var files = Directory.Exists(resolved) ? RetiredApiScanner.FilesUnder(resolved) : new[] { resolved };
                foreach (var file in files)
                {
                    WriteVerbose("Reading " + file);
                    foreach (var finding in Scan(file))
                    {
                        WriteObject(finding);
                    }
                }
            }
        }
    }

    private IReadOnlyList<RetiredApiFinding> Scan(string file)
    {
        try
        {
            return _scanner.ScanFile(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            WriteError(ErrorRecords.From(new MdeSiemException(ErrorCode.FileUnreadable, $"Cannot read '{file}': {exception.Message}") { Target = file }));
            return Array.Empty<RetiredApiFinding>();
        }
    }

    private IEnumerable<string> Resolve(string item)
    {
        Collection<string> resolved;
        try
        {
            resolved = GetResolvedProviderPathFromPSPath(item, out _);
        }
        catch (ItemNotFoundException)
        {
            resolved = new Collection<string>();
        }

        if (resolved.Count == 0)
        {
            WriteError(ErrorRecords.From(new MdeSiemException(ErrorCode.PathNotFound, $"Nothing to scan at '{item}'.")
            {
                Target = item,
                RecommendedAction = "Give a file or folder that exists (wildcards are allowed).",
            }));
        }

        return resolved;
    }
}
