using System;
using System.Linq;
using MdeSiem.HelpCompiler.Markdown;
using Xunit;

namespace MdeSiem.Tests.Help;

public sealed class MarkdownReaderTests
{
    [Fact]
    public void Front_matter_is_read_as_key_value_pairs()
    {
        var document = MarkdownReader.Parse(SampleDoc.Text);

        Assert.Equal("Sample.dll-Help.xml", document.FrontMatter["external help file"]);
        Assert.Equal("2.0.0", document.FrontMatter["schema"]);
    }

    [Fact]
    public void A_heading_inside_a_fence_is_code()
    {
        var document = MarkdownReader.Parse("# T\n\n```powershell\n# ## not a heading\n```\n");

        Assert.Equal(2, document.Blocks.Count);
        Assert.Equal(MarkdownBlockKind.Code, document.Blocks[1].Kind);
        Assert.Equal("powershell", document.Blocks[1].Language);
        Assert.Equal("# ## not a heading", document.Blocks[1].Text);
    }

    [Fact]
    public void Lines_of_a_paragraph_are_joined_and_list_items_stay_apart()
    {
        var document = MarkdownReader.Parse("one\ntwo\n\n- a\n- b\n  continued\n");

        Assert.Equal(new[] { "one two", "- a", "- b continued" }, document.Blocks.Select(b => b.Text));
    }
}
