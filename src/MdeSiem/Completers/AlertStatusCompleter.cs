using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace MdeSiem.Completers;

/// <summary>
/// Completes a string -Status parameter with the Microsoft Graph security alert statuses (new, inProgress,
/// resolved). Attach with [ArgumentCompleter(typeof(AlertStatusCompleter))].
/// </summary>
public sealed class AlertStatusCompleter : IArgumentCompleter
{
    internal static readonly string[] Values = { "new", "inProgress", "resolved", "unknown" };

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionValues.Complete(Values, wordToComplete);
}
