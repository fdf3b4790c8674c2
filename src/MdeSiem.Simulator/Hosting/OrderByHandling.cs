namespace MdeSiem.Simulator;

/// <summary>
/// What the simulated Graph security collections and Defender APIs do with $orderby. Their pages document $filter,
/// $top, $skip and $count but not $orderby ("List alerts_v2",
/// https://learn.microsoft.com/graph/api/security-list-alerts_v2; "List incidents",
/// https://learn.microsoft.com/graph/api/security-list-incidents; "List Alerts API",
/// https://learn.microsoft.com/defender-endpoint/api/get-alerts), and the SDKs generated from Graph's metadata say
/// "the most recent alerts are displayed at the top of the list". A client must be correct under both.
/// </summary>
public enum OrderByHandling
{
    /// <summary>$orderby is applied as OData defines it.</summary>
    Honoured,

    /// <summary>$orderby is accepted and ignored: every page comes in the service's default order, newest first.</summary>
    IgnoredNewestFirst,
}
