namespace MdeSiem.Core.Mde;

/// <summary>
/// An incident's determination as the Defender XDR Update incidents API accepts it
/// (https://learn.microsoft.com/en-us/defender-xdr/api-update-incidents): per classification, true positive
/// MultiStagedAttack .. UnwantedSoftware, informational SecurityTesting, LineOfBusinessApplication,
/// ConfirmedActivity, false positive Clean, NoEnoughDataToValidate; Other under each. The incidents API spells
/// several members differently from the alerts API (CompromisedAccount, Clean, NoEnoughDataToValidate), so this is
/// its own enum rather than <see cref="MdeAlertDetermination"/>.
/// </summary>
public enum MdeIncidentDetermination
{
    MultiStagedAttack,
    MaliciousUserActivity,
    CompromisedAccount,
    Malware,
    Phishing,
    UnwantedSoftware,
    SecurityTesting,
    LineOfBusinessApplication,
    ConfirmedActivity,
    Clean,
    NoEnoughDataToValidate,
    Other,

    /// <summary>A value this version does not know; it cannot be sent.</summary>
    UnknownFutureValue,
}
