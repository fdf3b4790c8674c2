namespace MdeSiem.Core.Mde;

/// <summary>An alert's status as the Defender for Endpoint API names it.</summary>
public enum MdeAlertStatus
{
    Unknown,
    New,
    InProgress,
    Resolved,

    /// <summary>A value this version does not know; the text is in StatusValue.</summary>
    UnknownFutureValue,
}
