namespace MdeSiem.Core.Graph;

/// <summary>
/// The analyst's determination of an alert or incident (microsoft.graph.security.alertDetermination), members as the
/// v1.0 metadata declares them (https://graph.microsoft.com/v1.0/$metadata, and the alertDetermination values table of
/// https://learn.microsoft.com/en-us/graph/api/resources/security-alert). The page's property prose names four of
/// them differently (compromisedUser, clean, insufficientData, confirmedUserActivity): those are read as the members
/// here (see <see cref="GraphEnum"/>), and the module sends the metadata's names. Values the module does not know map
/// to UnknownFutureValue; the raw text is kept beside it.
/// </summary>
public enum AlertDetermination
{
    Unknown,
    Apt,
    Malware,
    SecurityPersonnel,
    SecurityTesting,
    UnwantedSoftware,
    Other,
    MultiStagedAttack,
    CompromisedAccount,
    Phishing,
    MaliciousUserActivity,
    NotMalicious,
    NotEnoughDataToValidate,
    ConfirmedActivity,
    LineOfBusinessApplication,
    UnknownFutureValue,
}
