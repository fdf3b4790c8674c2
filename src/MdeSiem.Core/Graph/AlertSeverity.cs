namespace MdeSiem.Core.Graph;

/// <summary>The severity of a Graph security alert or incident. Values the module does not know map to UnknownFutureValue; the raw text is kept beside it.</summary>
public enum AlertSeverity
{
    Unknown,
    Informational,
    Low,
    Medium,
    High,
    UnknownFutureValue,
}
