namespace MdeSiem.HelpCompiler.Markdown;

/// <summary>The few block kinds the platyPS schema uses.</summary>
internal enum MarkdownBlockKind
{
    Heading,
    Paragraph,
    Code,
}
