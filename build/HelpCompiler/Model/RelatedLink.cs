namespace MdeSiem.HelpCompiler.Model;

/// <summary>A RELATED LINKS entry: "[text](uri)", or plain text naming another command.</summary>
internal sealed record RelatedLink(string Text, string Uri);
