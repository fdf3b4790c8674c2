using System;
using System.Linq;
using MdeSiem.HelpCompiler.Markdown;
using MdeSiem.HelpCompiler.Model;
using Xunit;

namespace MdeSiem.Tests.Help;

public sealed class CommandHelpReaderTests
{
    private static CommandHelp Read(string text) => CommandHelpReader.Read(MarkdownReader.Parse(text), "sample.md");

    [Fact]
    public void Title_synopsis_description_and_notes_are_read()
    {
        var help = Read(SampleDoc.Text);

        Assert.Equal("Get-Widget", help.Name);
        Assert.Equal("Get", help.Verb);
        Assert.Equal("Widget", help.Noun);
        Assert.Equal("Gets widgets.", help.Synopsis);
        Assert.Equal(new[] { "Gets widgets from the store.", "Second paragraph on two lines." }, help.Description);
        Assert.Equal(new[] { "Widgets are cached." }, help.Notes);
        Assert.Equal("https://example.test/Get-Widget", help.OnlineVersion);
    }

    [Fact]
    public void Parameter_sets_come_from_the_syntax_headings_without_the_default_marker()
    {
        Assert.Equal(new[] { "ById", "ByName" }, Read(SampleDoc.Text).ParameterSets);
    }

    [Fact]
    public void Parameter_yaml_is_read()
    {
        var id = Read(SampleDoc.Text).Parameters.Single(p => p.Name == "Id");

        Assert.Equal("String", id.Type);
        Assert.Equal(new[] { "ById" }, id.ParameterSets);
        Assert.Equal("WidgetId", id.Aliases);
        Assert.True(id.Required);
        Assert.Equal("0", id.Position);
        Assert.Equal("True (ByPropertyName)", id.PipelineInput);
        Assert.False(id.Globbing);
        Assert.Equal(new[] { "The widget's id." }, id.Description);
    }

    [Fact]
    public void CommonParameters_is_not_a_parameter()
    {
        Assert.Equal(new[] { "Id", "Name", "Force" }, Read(SampleDoc.Text).Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Examples_keep_code_and_remarks_apart()
    {
        var examples = Read(SampleDoc.Text).Examples;

        Assert.Equal(2, examples.Count);
        Assert.Equal("Example 1: One widget", examples[0].Title);
        Assert.Equal(new[] { "Get-Widget -Id 7\n# ## not a heading" }, examples[0].Code);
        Assert.Equal(new[] { "Gets widget 7." }, examples[0].Remarks);
    }

    [Fact]
    public void Inputs_outputs_and_links_are_read()
    {
        var help = Read(SampleDoc.Text);

        Assert.Equal("System.String", help.Inputs.Single().TypeName);
        Assert.Equal("Sample.Widget", help.Outputs.Single().TypeName);
        Assert.Equal(
            new[] { new RelatedLink("Set-Widget", "Set-Widget.md"), new RelatedLink("Widgets online", "https://example.test/widgets") },
            help.RelatedLinks);
    }

    [Fact]
    public void A_parameter_without_a_description_is_a_problem_naming_the_file_and_parameter()
    {
        var text = SampleDoc.Text.Replace("The widget's name.\n", string.Empty, StringComparison.Ordinal);

        var problem = Assert.Single(Read(text).Problems);

        Assert.Contains("sample.md", problem, StringComparison.Ordinal);
        Assert.Contains("-Name", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_doc_has_no_problems()
    {
        Assert.Empty(Read(SampleDoc.Text).Problems);
    }

    [Fact]
    public void A_doc_without_a_title_fails()
    {
        var text = SampleDoc.Text.Replace("# Get-Widget\n", string.Empty, StringComparison.Ordinal);

        Assert.Throws<HelpFormatException>(() => { Read(text); });
    }

    [Fact]
    public void A_doc_without_examples_is_a_problem()
    {
        var text = SampleDoc.Text.Substring(0, SampleDoc.Text.IndexOf("## EXAMPLES", StringComparison.Ordinal))
            + SampleDoc.Text.Substring(SampleDoc.Text.IndexOf("## PARAMETERS", StringComparison.Ordinal));

        Assert.Contains(Read(text).Problems, p => p.Contains("EXAMPLES", StringComparison.Ordinal));
    }

    [Fact]
    public void A_doc_without_syntax_headings_has_one_set_for_all_parameters()
    {
        var text = SampleDoc.Text.Replace("### ById (Default)\n", string.Empty, StringComparison.Ordinal)
            .Replace("### ByName\n", string.Empty, StringComparison.Ordinal);

        Assert.Equal(new[] { "(All)" }, Read(text).ParameterSets);
    }
}
