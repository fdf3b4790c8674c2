using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using MdeSiem.Core.StreamingApi;

namespace MdeSiem.Completers;

/// <summary>Completes Get-DefenderStreamEvent -EventType with the tables the Streaming API exports.</summary>
public sealed class StreamTableCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionValues.Complete(StreamingTables.Known.ToArray(), wordToComplete);
}
