namespace MdeSiem.Core.Graph;

/// <summary>The status of a Graph security alert. Values the module does not know map to UnknownFutureValue; the raw text is kept beside it.</summary>
public enum AlertStatus
{
    Unknown,
    New,
    InProgress,
    Resolved,
    UnknownFutureValue,
}
