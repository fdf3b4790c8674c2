using System.Collections.Generic;

namespace MdeSiem.HelpCompiler.Model;

/// <summary>An INPUTS or OUTPUTS entry: "### TypeName" and what it means.</summary>
internal sealed class TypeHelp
{
    public string TypeName { get; set; } = string.Empty;

    public List<string> Description { get; } = new();
}
