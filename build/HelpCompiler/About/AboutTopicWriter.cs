using System;
using System.Linq;
using System.Text;
using MdeSiem.HelpCompiler.Markdown;
using MdeSiem.HelpCompiler.Model;

namespace MdeSiem.HelpCompiler.About;

/// <summary>
/// Turns an about topic in the platyPS schema ("# about_X", then "## SHORT DESCRIPTION", "## LONG DESCRIPTION", ...)
/// into the plain text Get-Help shows: TOPIC first, section titles in capitals at the margin, text indented four
/// spaces, code eight.
/// </summary>
internal static class AboutTopicWriter
{
    private const string Indent = "    ";

    public static string Write(MarkdownDocument document, string sourceName)
    {
        var title = document.Blocks.FirstOrDefault(b => b.Kind == MarkdownBlockKind.Heading && b.Level == 1)?.Text;
        if (title is null || !title.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
        {
            throw new HelpFormatException($"{sourceName}: an about topic starts with '# about_<Name>'.");
        }

        if (!document.Blocks.Any(b => b.Kind == MarkdownBlockKind.Heading && b.Text.Equals("SHORT DESCRIPTION", StringComparison.OrdinalIgnoreCase)))
        {
            throw new HelpFormatException($"{sourceName}: an about topic needs a '## SHORT DESCRIPTION' section.");
        }

        var text = new StringBuilder();
        text.Append("TOPIC\n").Append(Indent).Append(title.ToLowerInvariant()).Append('\n');
        foreach (var block in document.Blocks.SkipWhile(b => b.Level != 1).Skip(1))
        {
            switch (block.Kind)
            {
                case MarkdownBlockKind.Heading when block.Level == 2:
                    text.Append('\n').Append(block.Text.ToUpperInvariant()).Append('\n');
                    break;
                case MarkdownBlockKind.Heading:
                    text.Append('\n').Append(Indent).Append(block.Text.ToUpperInvariant()).Append('\n');
                    break;
                case MarkdownBlockKind.Code:
                    text.Append('\n');
                    foreach (var line in block.Text.Split('\n'))
                    {
                        text.Append(Indent).Append(Indent).Append(line).Append('\n');
                    }

                    break;
                default:
                    text.Append(Wrap(block.Text, Indent, 116));
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Wraps a paragraph at word boundaries; a list item's continuation lines line up under its text.</summary>
    private static string Wrap(string paragraph, string indent, int width)
    {
        var hanging = paragraph.StartsWith("- ", StringComparison.Ordinal) ? indent + "  " : indent;
        var result = new StringBuilder();
        var line = new StringBuilder(indent);
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length + word.Length + 1 > width && line.ToString().Trim().Length > 0)
            {
                result.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(hanging);
            }

            if (line.ToString().Trim().Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        result.Append(line.ToString().TrimEnd()).Append('\n');
        if (!paragraph.StartsWith("- ", StringComparison.Ordinal))
        {
            result.Insert(0, '\n');
        }

        return result.ToString();
    }
}
