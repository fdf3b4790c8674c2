using System;
using System.Linq;
using System.Xml.Linq;
using MdeSiem.HelpCompiler.Maml;
using MdeSiem.HelpCompiler.Markdown;
using MdeSiem.HelpCompiler.Model;
using Xunit;

namespace MdeSiem.Tests.Help;

public sealed class MamlWriterTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static XElement WriteSample()
    {
        var help = CommandHelpReader.Read(MarkdownReader.Parse(SampleDoc.Text), "sample.md");
        return MamlWriter.Write(new[] { help }).Root!.Element(Command + "command")!;
    }

    [Fact]
    public void The_root_is_a_maml_helpItems_element()
    {
        var help = CommandHelpReader.Read(MarkdownReader.Parse(SampleDoc.Text), "sample.md");
        var root = MamlWriter.Write(new[] { help }).Root!;

        Assert.Equal(XName.Get("helpItems", "http://msh"), root.Name);
        Assert.Equal("maml", root.Attribute("schema")!.Value);
    }

    [Fact]
    public void Details_carry_name_verb_noun_and_synopsis()
    {
        var details = WriteSample().Element(Command + "details")!;

        Assert.Equal("Get-Widget", details.Element(Command + "name")!.Value);
        Assert.Equal("Get", details.Element(Command + "verb")!.Value);
        Assert.Equal("Widget", details.Element(Command + "noun")!.Value);
        Assert.Equal("Gets widgets.", details.Element(Maml + "description")!.Element(Maml + "para")!.Value);
    }

    [Fact]
    public void One_syntax_item_per_set_with_the_parameters_of_that_set()
    {
        var items = WriteSample().Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();

        static string[] Names(XElement item) => item.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToArray();
        Assert.Equal(2, items.Count);
        Assert.Equal(new[] { "Id", "Force" }, Names(items[0]));
        Assert.Equal(new[] { "Name", "Force" }, Names(items[1]));
    }

    [Fact]
    public void A_switch_shows_no_value_in_the_syntax_but_its_type_in_the_parameters()
    {
        var command = WriteSample();
        var inSyntax = command.Descendants(Command + "syntaxItem").First().Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Force");
        var inParameters = command.Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Force");

        Assert.Null(inSyntax.Element(Command + "parameterValue"));
        Assert.Equal("SwitchParameter", inParameters.Element(Command + "parameterValue")!.Value);
    }

    [Fact]
    public void Parameter_attributes_follow_the_yaml()
    {
        var id = WriteSample().Element(Command + "parameters")!.Elements(Command + "parameter").First();

        Assert.Equal("true", id.Attribute("required")!.Value);
        Assert.Equal("0", id.Attribute("position")!.Value);
        Assert.Equal("True (ByPropertyName)", id.Attribute("pipelineInput")!.Value);
        Assert.Equal("WidgetId", id.Attribute("aliases")!.Value);
        Assert.Equal("The widget's id.", id.Element(Maml + "description")!.Value);
        Assert.Equal("String", id.Element(Dev + "type")!.Element(Maml + "name")!.Value);
    }

    [Fact]
    public void Examples_links_and_types_are_written()
    {
        var command = WriteSample();

        Assert.Equal(2, command.Descendants(Command + "example").Count());
        Assert.Equal("Get-Widget -Id 7\n# ## not a heading", command.Descendants(Dev + "code").First().Value);
        Assert.Equal(
            new[] { "Online Version:", "Set-Widget", "Widgets online" },
            command.Descendants(Maml + "navigationLink").Select(l => l.Element(Maml + "linkText")!.Value));
        Assert.Equal("Sample.Widget", command.Element(Command + "returnValues")!.Descendants(Maml + "name").Single().Value);
    }
}
