using System;
using System.Collections.Generic;
using System.Text;

namespace MdeSiem.HelpCompiler.Markdown;

/// <summary>
/// Splits markdown into front matter, headings, paragraphs and fenced code blocks: the subset platyPS writes. A
/// heading inside a fence is code, not a heading. List items each become a paragraph of their own so that help
/// text keeps one item per line.
/// </summary>
internal static class MarkdownReader
{
    public static MarkdownDocument Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var index = 0;
        var frontMatter = ReadFrontMatter(lines, ref index);
        var blocks = new List<MarkdownBlock>();
        var paragraph = new StringBuilder();

        void FlushParagraph()
        {
            if (paragraph.Length > 0)
            {
                blocks.Add(new MarkdownBlock(MarkdownBlockKind.Paragraph, paragraph.ToString()));
                paragraph.Clear();
            }
        }

        for (; index < lines.Length; index++)
        {
            var line = lines[index];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                FlushParagraph();
                index = ReadFence(lines, index, trimmed.Substring(3).Trim(), blocks);
            }
            else if (trimmed.StartsWith('#'))
            {
                FlushParagraph();
                var level = trimmed.Length - trimmed.TrimStart('#').Length;
                blocks.Add(new MarkdownBlock(MarkdownBlockKind.Heading, trimmed.Substring(level).Trim(), level));
            }
            else if (trimmed.Length == 0)
            {
                FlushParagraph();
            }
            else
            {
                if (IsListItem(trimmed))
                {
                    FlushParagraph();
                }

                if (paragraph.Length > 0)
                {
                    paragraph.Append(' ');
                }

                paragraph.Append(trimmed);
            }
        }

        FlushParagraph();
        return new MarkdownDocument(frontMatter, blocks);
    }

    private static bool IsListItem(string trimmed) =>
        trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.StartsWith("* ", StringComparison.Ordinal);

    private static int ReadFence(string[] lines, int start, string language, List<MarkdownBlock> blocks)
    {
        var code = new StringBuilder();
        var index = start + 1;
        for (; index < lines.Length && !lines[index].Trim().StartsWith("```", StringComparison.Ordinal); index++)
        {
            if (code.Length > 0)
            {
                code.Append('\n');
            }

            code.Append(lines[index].TrimEnd());
        }

        blocks.Add(new MarkdownBlock(MarkdownBlockKind.Code, code.ToString(), Language: language));
        return index;
    }

    private static Dictionary<string, string> ReadFrontMatter(string[] lines, ref int index)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return values;
        }

        for (index = 1; index < lines.Length && lines[index].Trim() != "---"; index++)
        {
            var separator = lines[index].IndexOf(':', StringComparison.Ordinal);
            if (separator > 0)
            {
                values[lines[index].Substring(0, separator).Trim()] = lines[index].Substring(separator + 1).Trim();
            }
        }

        index++;
        return values;
    }
}
