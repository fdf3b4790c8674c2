namespace MdeSiem.Core.Mde;

/// <summary>Which of the two Defender APIs a request goes to: they differ in token audience and call limits.</summary>
internal enum MdeApi
{
    /// <summary>Defender for Endpoint alerts (/api/alerts): audience api.securitycenter.microsoft.com, 100/min and 1,500/h.</summary>
    Alerts,

    /// <summary>Defender XDR incidents (/api/incidents): audience api.security.microsoft.com, 50/min and 1,500/h.</summary>
    Incidents,
}
