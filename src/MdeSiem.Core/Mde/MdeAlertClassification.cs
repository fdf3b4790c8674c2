namespace MdeSiem.Core.Mde;

/// <summary>An alert's classification as the Defender for Endpoint API names it (Update alert).</summary>
public enum MdeAlertClassification
{
    TruePositive,
    InformationalExpectedActivity,
    FalsePositive,

    /// <summary>A value this version does not know; the text is in ClassificationValue.</summary>
    UnknownFutureValue,
}
