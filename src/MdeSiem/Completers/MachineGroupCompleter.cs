using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace MdeSiem.Completers;

/// <summary>Completes -MachineGroup with the device groups seen in this session's last SIEM pull.</summary>
public sealed class MachineGroupCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters) =>
        CompletionValues.Complete(SessionStore.ForCurrentRunspace().MachineGroups.Snapshot(), wordToComplete);
}
