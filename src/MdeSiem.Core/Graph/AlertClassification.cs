namespace MdeSiem.Core.Graph;

/// <summary>The analyst's classification of an alert or incident. Values the module does not know map to UnknownFutureValue; the raw text is kept beside it.</summary>
public enum AlertClassification
{
    Unknown,
    FalsePositive,
    TruePositive,
    InformationalExpectedActivity,
    UnknownFutureValue,
}
