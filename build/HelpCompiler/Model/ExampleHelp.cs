using System.Collections.Generic;

namespace MdeSiem.HelpCompiler.Model;

/// <summary>One "### Example N: title" section: its code and the sentences that explain it.</summary>
internal sealed class ExampleHelp
{
    public string Title { get; set; } = string.Empty;

    public List<string> Code { get; } = new();

    public List<string> Remarks { get; } = new();
}
