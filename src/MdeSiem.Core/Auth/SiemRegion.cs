namespace MdeSiem.Core.Auth;

/// <summary>The data-location regions the SIEM API is published in.</summary>
public enum SiemRegion
{
    US,
    EU,
    UK,
}
