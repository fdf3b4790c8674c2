namespace MdeSiem.Core.Graph;

/// <summary>The analyst's classification of an alert or incident (microsoft.graph.security.alertClassification; older
/// prose of the alert page says benignPositive for informationalExpectedActivity, read as that member). Values the module does not know map to UnknownFutureValue; the raw text is kept beside it.</summary>
public enum AlertClassification
{
    Unknown,
    FalsePositive,
    TruePositive,
    InformationalExpectedActivity,
    UnknownFutureValue,
}
