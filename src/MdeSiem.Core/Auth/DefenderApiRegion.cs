namespace MdeSiem.Core.Auth;

/// <summary>
/// The geographic hosts of the commercial Defender APIs, which Microsoft recommends for better performance: the
/// Defender for Endpoint API has us., eu., uk., au., swa. and ina.api.security.microsoft.com, the Defender XDR API
/// api-us., api-eu. and api-uk.security.microsoft.com (its other geographies use the base host).
/// <see cref="Default"/> is api.security.microsoft.com. US Government clouds have one host each and ignore it.
/// </summary>
public enum DefenderApiRegion
{
    Default,
    US,
    EU,
    UK,
    AU,
    SWA,
    INA,
}
