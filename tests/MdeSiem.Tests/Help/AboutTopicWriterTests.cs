using System;
using System.Linq;
using MdeSiem.HelpCompiler.About;
using MdeSiem.HelpCompiler.Markdown;
using MdeSiem.HelpCompiler.Model;
using Xunit;

namespace MdeSiem.Tests.Help;

public sealed class AboutTopicWriterTests
{
    private static string Write(string markdown) => AboutTopicWriter.Write(MarkdownReader.Parse(markdown), "about_Sample.md");

    [Fact]
    public void Topic_sections_and_indented_text_in_the_help_txt_layout()
    {
        var text = Write("# about_Sample\n\n## SHORT DESCRIPTION\nShort.\n\n## Long Description\nLong text.\n\n```powershell\nGet-Widget\n```\n");

        Assert.Equal(
            "TOPIC\n    about_sample\n\nSHORT DESCRIPTION\n\n    Short.\n\nLONG DESCRIPTION\n\n    Long text.\n\n        Get-Widget\n",
            text);
    }

    [Fact]
    public void Long_paragraphs_wrap_inside_the_indent()
    {
        var words = string.Join(' ', Enumerable.Repeat("word", 60));

        var lines = Write("# about_Sample\n\n## SHORT DESCRIPTION\n" + words + "\n").Split('\n');

        Assert.All(lines, line => Assert.True(line.Length <= 116, line));
        Assert.True(lines.Count(l => l.StartsWith("    word", StringComparison.Ordinal)) > 1);
    }

    [Fact]
    public void A_topic_without_a_short_description_fails()
    {
        Assert.Throws<HelpFormatException>(() => { Write("# about_Sample\n\n## LONG DESCRIPTION\nText.\n"); });
    }
}
