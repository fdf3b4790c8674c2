namespace MdeSiem.Core.Graph;

/// <summary>The status of a Graph security incident. Values the module does not know map to UnknownFutureValue; the raw text is kept beside it.</summary>
public enum IncidentStatus
{
    Active,
    Resolved,
    InProgress,
    Redirected,
    UnknownFutureValue,
    AwaitingAction,
}
