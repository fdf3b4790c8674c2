namespace MdeSiem.Core.Graph;

/// <summary>The links a streamed page carries, known once its items have all been read.</summary>
internal sealed class GraphPageLinks
{
    public string? NextLink { get; set; }
}
