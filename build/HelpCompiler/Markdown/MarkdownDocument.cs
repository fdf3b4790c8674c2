using System.Collections.Generic;

namespace MdeSiem.HelpCompiler.Markdown;

/// <summary>A markdown file split into its YAML front matter (flat key: value pairs) and its blocks.</summary>
internal sealed class MarkdownDocument
{
    public MarkdownDocument(IReadOnlyDictionary<string, string> frontMatter, IReadOnlyList<MarkdownBlock> blocks)
    {
        FrontMatter = frontMatter;
        Blocks = blocks;
    }

    public IReadOnlyDictionary<string, string> FrontMatter { get; }

    public IReadOnlyList<MarkdownBlock> Blocks { get; }
}
