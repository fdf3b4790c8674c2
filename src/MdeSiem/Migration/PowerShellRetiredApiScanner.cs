using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Language;
using MdeSiem.Core.Migration;

namespace MdeSiem.Migration;

/// <summary>
/// Reads a PowerShell script with the PowerShell parser and reports what calls a retiring surface: a command of the
/// table (Get-MdeSiemAlert, Get-MgSecurityAlert, ...) wherever it is invoked, and a retiring host or path in a string
/// or bare word the script uses (a URI, a variable, a hashtable value). Comments are not in the syntax tree, and text
/// only shown to people (arguments of Write-Host, Write-Verbose, ... and messages of throw) is not a call.
/// </summary>
internal static class PowerShellRetiredApiScanner
{
    private static readonly HashSet<string> MessageCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "Write-Host", "Write-Output", "Write-Verbose", "Write-Warning", "Write-Information", "Write-Debug",
        "Write-Error", "Write-Progress", "Out-Host", "echo",
    };

    public static IEnumerable<RetiredApiFinding> Scan(string path, string text)
    {
        var ast = Parser.ParseInput(text, path, out _, out _);
        var findings = new List<RetiredApiFinding>();
        foreach (var command in ast.FindAll(node => node is CommandAst, true).Cast<CommandAst>())
        {
            if (RetiringSurfaces.ForCommand(command.GetCommandName()) is { } surface)
            {
                var name = command.CommandElements[0].Extent;
                findings.Add(new RetiredApiFinding(path, name.StartLineNumber, name.StartColumnNumber, command.GetCommandName(), surface));
            }
        }

        foreach (var literal in ast.FindAll(IsUsedText, true))
        {
            findings.AddRange(InString(path, literal));
        }

        // A string inside an expandable string ("$(... 'uri' ...)") is seen twice: keep one finding per place.
        return findings.GroupBy(f => (f.Line, f.Column)).Select(g => g.First());
    }

    private static bool IsUsedText(Ast node)
    {
        if (node is not (StringConstantExpressionAst or ExpandableStringExpressionAst))
        {
            return false;
        }

        // The command name itself is reported as a command above.
        if (node.Parent is CommandAst invocation && ReferenceEquals(invocation.CommandElements[0], node))
        {
            return false;
        }

        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is ThrowStatementAst || (parent is CommandAst command && MessageCommands.Contains(command.GetCommandName() ?? string.Empty)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The hosts and paths in one string, at their place in the file (the literal's own text, quotes and all).</summary>
    private static IEnumerable<RetiredApiFinding> InString(string path, Ast literal)
    {
        var extent = literal.Extent;
        var positions = new TextPositions(extent.Text);
        foreach (var match in RetiredApiPatterns.Find(extent.Text, includeCommands: false))
        {
            var (line, column) = positions.Of(match.Index);
            yield return new RetiredApiFinding(
                path,
                extent.StartLineNumber + line - 1,
                line == 1 ? extent.StartColumnNumber + column - 1 : column,
                match.Text,
                match.Surface);
        }
    }
}
