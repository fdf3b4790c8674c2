namespace MdeSiem.Core.Graph;

/// <summary>
/// The status of the remediation of one evidence (microsoft.graph.security.evidenceRemediationStatus, members in the
/// v1.0 metadata's order; the alertEvidence page's prose calls Unremediated "notRemediated", read as that member).
/// Values the module does not know map to UnknownFutureValue; the raw text is kept beside it.
/// </summary>
public enum EvidenceRemediationStatus
{
    None,
    Remediated,
    Prevented,
    Blocked,
    NotFound,
    UnknownFutureValue,
    Active,
    PendingApproval,
    Declined,
    Unremediated,
    Running,
    PartiallyRemediated,
}
