namespace MdeSiem.Simulator.Identity;

/// <summary>Why a bearer token was accepted or refused; every refusal but <see cref="Forbidden"/> is a 401.</summary>
internal enum TokenOutcome
{
    Valid,
    Missing,
    Malformed,
    InvalidSignature,
    Expired,
    NotYetValid,
    WrongAudience,
    UnknownIssuer,

    /// <summary>A good token for a tenant the SIEM API does not serve: 403.</summary>
    Forbidden,
}
