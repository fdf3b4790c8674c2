namespace MdeSiem.Core.Mde;

/// <summary>An incident's status as the Defender XDR incidents API names it.</summary>
public enum MdeIncidentStatus
{
    Active,
    InProgress,
    Resolved,
    Redirected,

    /// <summary>A value this version does not know; the text is in StatusValue.</summary>
    UnknownFutureValue,
}
