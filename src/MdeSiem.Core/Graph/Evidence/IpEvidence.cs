namespace MdeSiem.Core.Graph;

/// <summary>An IP address (#microsoft.graph.security.ipEvidence).</summary>
public sealed class IpEvidence : AlertEvidence
{
    public string? IpAddress { get; set; }

    public string? CountryLetterCode { get; set; }

    public object? Location { get; set; }

    public object? Stream { get; set; }

    protected override string? Identity => IpAddress;
}
