namespace MdeSiem.Core.Auth;

/// <summary>
/// The geographic hosts of the commercial Defender API (us.api.security.microsoft.com, ...), which Microsoft
/// recommends for better performance; <see cref="Default"/> is api.security.microsoft.com. US Government clouds
/// have one host each and ignore it.
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
