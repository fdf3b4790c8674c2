namespace MdeSiem.Core.Graph;

/// <summary>
/// The state of an alert's automated investigation (microsoft.graph.security.investigationState, members in the v1.0
/// metadata's order). Values the module does not know map to UnknownFutureValue; the raw text is kept beside it.
/// </summary>
public enum InvestigationState
{
    Unknown,
    Terminated,
    SuccessfullyRemediated,
    Benign,
    Failed,
    PartiallyRemediated,
    Running,
    PendingApproval,
    PendingResource,
    Queued,
    InnerFailure,
    PreexistingAlert,
    UnsupportedOs,
    UnsupportedAlertType,
    SuppressedAlert,
    PartiallyInvestigated,
    TerminatedByUser,
    TerminatedBySystem,
    UnknownFutureValue,
}
