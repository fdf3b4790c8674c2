namespace MdeSiem.Core.Graph;

/// <summary>The analyst's determination of an alert or incident. Values the module does not know map to UnknownFutureValue; the raw text is kept beside it.</summary>
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
    ConfirmedUserActivity,
    LineOfBusinessApplication,
    UnknownFutureValue,
}
