using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using MdeSiem.HelpCompiler.Model;

namespace MdeSiem.HelpCompiler.Maml;

/// <summary>
/// Writes commands as the MAML PowerShell's Get-Help reads (the layout platyPS's New-ExternalHelp produces): a
/// helpItems root with one command:command per cmdlet, a syntaxItem per parameter set, and the parameter,
/// input, output, notes, example and link sections.
/// </summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Write(IEnumerable<CommandHelp> commands)
    {
        var root = new XElement(
            Msh + "helpItems",
            new XAttribute("schema", "maml"),
            new XAttribute(XNamespace.Xmlns + "maml", Maml.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "command", Command.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "dev", Dev.NamespaceName),
            commands.OrderBy(c => c.Name, System.StringComparer.OrdinalIgnoreCase).Select(WriteCommand));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement WriteCommand(CommandHelp help) =>
        new(
            Command + "command",
            new XElement(
                Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", help.Verb),
                new XElement(Command + "noun", help.Noun),
                Description(help.Synopsis)),
            Description(help.Description),
            new XElement(
                Command + "syntax",
                help.ParameterSets.Select(set => new XElement(
                    Command + "syntaxItem",
                    new XElement(Maml + "name", help.Name),
                    help.Parameters.Where(p => p.IsInSet(set)).Select(p => WriteParameter(p, inSyntax: true))))),
            new XElement(Command + "parameters", help.Parameters.Select(p => WriteParameter(p, inSyntax: false))),
            new XElement(Command + "inputTypes", help.Inputs.Select(t => WriteType(Command + "inputType", t))),
            new XElement(Command + "returnValues", help.Outputs.Select(t => WriteType(Command + "returnValue", t))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paras(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select(WriteExample)),
            new XElement(Command + "relatedLinks", WriteLinks(help)));

    private static XElement WriteParameter(ParameterHelp parameter, bool inSyntax)
    {
        var element = new XElement(
            Command + "parameter",
            new XAttribute("required", parameter.Required ? "true" : "false"),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", parameter.Globbing ? "true" : "false"),
            new XAttribute("pipelineInput", parameter.PipelineInput),
            new XAttribute("position", parameter.Position.ToLowerInvariant()),
            new XAttribute("aliases", parameter.Aliases.Length == 0 ? "none" : parameter.Aliases),
            new XElement(Maml + "name", parameter.Name),
            Description(parameter.Description));

        // A switch has no value to show in the syntax line ("-PassThru", not "-PassThru <SwitchParameter>").
        if (!(inSyntax && parameter.IsSwitch))
        {
            element.Add(new XElement(
                Command + "parameterValue",
                new XAttribute("required", parameter.IsSwitch ? "false" : "true"),
                new XAttribute("variableLength", "false"),
                parameter.Type));
        }

        element.Add(
            new XElement(Dev + "type", new XElement(Maml + "name", parameter.Type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", parameter.DefaultValue));
        return element;
    }

    private static XElement WriteType(XName name, TypeHelp type) =>
        new(
            name,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            Description(type.Description));

    private static XElement WriteExample(ExampleHelp example) =>
        new(
            Command + "example",
            new XElement(Maml + "title", $"-------------------------- {example.Title} --------------------------"),
            new XElement(Dev + "code", string.Join("\n\n", example.Code)),
            new XElement(Dev + "remarks", Paras(example.Remarks)));

    private static IEnumerable<XElement> WriteLinks(CommandHelp help)
    {
        if (help.OnlineVersion is not null)
        {
            yield return Link("Online Version:", help.OnlineVersion);
        }

        foreach (var link in help.RelatedLinks)
        {
            yield return Link(link.Text, link.Uri);
        }
    }

    private static XElement Link(string text, string uri) =>
        new(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));

    private static XElement Description(string text) => Description(new[] { text });

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paras(paragraphs));

    private static IEnumerable<XElement> Paras(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(Maml + "para", p));
}
