namespace MdeSiem.Core.Mde;

/// <summary>An alert's severity as the Defender for Endpoint API names it.</summary>
public enum MdeAlertSeverity
{
    UnSpecified,
    Informational,
    Low,
    Medium,
    High,

    /// <summary>A value this version does not know; the text is in SeverityValue.</summary>
    UnknownFutureValue,
}
