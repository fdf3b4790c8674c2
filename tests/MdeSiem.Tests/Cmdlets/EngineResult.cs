using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;

namespace MdeSiem.Tests.Cmdlets;

/// <summary>What one script run in the hosted engine produced.</summary>
internal sealed record EngineResult(Collection<PSObject> Output, IReadOnlyList<ErrorRecord> Errors, PSDataStreams Streams)
{
    public IEnumerable<T> OutputOf<T>() => Output.Select(item => item.BaseObject).OfType<T>();

    public IEnumerable<string> Warnings => Streams.Warning.Select(w => w.Message);

    public IEnumerable<string> Verbose => Streams.Verbose.Select(v => v.Message);
}
