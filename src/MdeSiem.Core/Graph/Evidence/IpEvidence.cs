namespace MdeSiem.Core.Graph;

/// <summary>An IP address (#microsoft.graph.security.ipEvidence).</summary>
public sealed class IpEvidence : AlertEvidence
{
    public string? IpAddress { get; set; }

    public string? CountryLetterCode { get; set; }

    public GeoLocation? Location { get; set; }

    public EvidenceStream? Stream { get; set; }

    protected override string? Identity => IpAddress;
}
