using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace MdeSiem.Completers;

/// <summary>
/// Completes a string -Severity parameter with the alert severities the services document (Graph alert
/// severity: informational, low, medium, high; the SIEM API uses the same names capitalised). For cmdlets that take
/// severity as a string so new service values pass through; attach with [ArgumentCompleter(typeof(...))].
/// </summary>
public sealed class AlertSeverityCompleter : IArgumentCompleter
{
    internal static readonly string[] Values = { "informational", "low", "medium", "high", "unknown" };

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionValues.Complete(Values, wordToComplete);
}
