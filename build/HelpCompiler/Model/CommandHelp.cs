using System.Collections.Generic;

namespace MdeSiem.HelpCompiler.Model;

/// <summary>Everything one cmdlet's platyPS markdown says, in the shape MAML needs.</summary>
internal sealed class CommandHelp
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The front matter's "external help file": the MAML file this command belongs in.</summary>
    public string ExternalHelpFile { get; set; } = string.Empty;

    public string? OnlineVersion { get; set; }

    public string Synopsis { get; set; } = string.Empty;

    public List<string> Description { get; } = new();

    /// <summary>Parameter set names in the order of the SYNTAX section; one "(All)" set when it names none.</summary>
    public List<string> ParameterSets { get; } = new();

    public List<ExampleHelp> Examples { get; } = new();

    public List<ParameterHelp> Parameters { get; } = new();

    public List<TypeHelp> Inputs { get; } = new();

    public List<TypeHelp> Outputs { get; } = new();

    public List<string> Notes { get; } = new();

    public List<RelatedLink> RelatedLinks { get; } = new();

    /// <summary>What the doc lacks that the schema requires; reported as build warnings.</summary>
    public List<string> Problems { get; } = new();

    public string Verb => Name.Split('-')[0];

    public string Noun => Name.Contains('-', System.StringComparison.Ordinal) ? Name.Substring(Name.IndexOf('-', System.StringComparison.Ordinal) + 1) : string.Empty;
}
