using System;
using System.Collections.Generic;

namespace MdeSiem.HelpCompiler.Model;

/// <summary>One "### -Name" section: its description and the facts of its yaml block.</summary>
internal sealed class ParameterHelp
{
    public string Name { get; set; } = string.Empty;

    public List<string> Description { get; } = new();

    public string Type { get; set; } = "Object";

    /// <summary>The set names of "Parameter Sets:"; "(All)" means every set.</summary>
    public List<string> ParameterSets { get; } = new();

    public string Aliases { get; set; } = "None";

    public bool Required { get; set; }

    /// <summary>"Named" or a number, as platyPS writes it.</summary>
    public string Position { get; set; } = "Named";

    public string DefaultValue { get; set; } = "None";

    public string PipelineInput { get; set; } = "False";

    public bool Globbing { get; set; }

    public bool IsSwitch => Type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase);

    public bool IsInSet(string setName) =>
        ParameterSets.Count == 0 || ParameterSets.Contains("(All)") || ParameterSets.Contains(setName);
}
