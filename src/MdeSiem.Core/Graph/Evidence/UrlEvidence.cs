namespace MdeSiem.Core.Graph;

/// <summary>A URL (#microsoft.graph.security.urlEvidence).</summary>
public sealed class UrlEvidence : AlertEvidence
{
    public string? Url { get; set; }

    protected override string? Identity => Url;
}
