namespace MdeSiem.Core.Graph;

/// <summary>
/// microsoft.graph.security.geoLocation, part of alert evidence, as the v1.0 metadata
/// (https://graph.microsoft.com/v1.0/$metadata) declares it.
/// </summary>
public sealed class GeoLocation : GraphObject
{
    public string? City { get; set; }

    public string? CountryName { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? State { get; set; }
}
