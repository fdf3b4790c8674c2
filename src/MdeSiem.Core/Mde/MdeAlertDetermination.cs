namespace MdeSiem.Core.Mde;

/// <summary>
/// An alert's determination as the Defender for Endpoint Update alert API accepts it (the values per
/// classification: true positive MultiStagedAttack .. Other; informational SecurityTesting, LineOfBusinessApplication,
/// ConfirmedActivity; false positive NotMalicious, InsufficientData). Apt and SecurityPersonnel were retired in 2022.
/// </summary>
public enum MdeAlertDetermination
{
    MultiStagedAttack,
    MaliciousUserActivity,
    CompromisedUser,
    Malware,
    Phishing,
    UnwantedSoftware,
    SecurityTesting,
    LineOfBusinessApplication,
    ConfirmedActivity,
    NotMalicious,
    InsufficientData,
    Other,

    /// <summary>A value this version does not know (or a retired one); the text is in DeterminationValue.</summary>
    UnknownFutureValue,
}
