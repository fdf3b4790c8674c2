namespace MdeSiem.Core.OData;

/// <summary>The links a streamed page carries, known once its items have all been read.</summary>
internal sealed class ODataPageLinks
{
    public string? NextLink { get; set; }
}
