namespace MdeSiem.HelpCompiler.Markdown;

/// <summary>
/// One block of a markdown file: a heading (with its level), a paragraph (lines joined) or a fenced code block
/// (with its info string, e.g. "powershell" or "yaml").
/// </summary>
internal sealed record MarkdownBlock(MarkdownBlockKind Kind, string Text, int Level = 0, string Language = "");
