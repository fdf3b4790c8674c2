namespace MdeSiem.Core.Mapping;

/// <summary>
/// The SIEM API's Source values and Graph's detectionSource members (seed 002: "Source -> detectionSource, use with
/// serviceSource microsoftDefenderForEndpoint"). Both directions live here so they cannot disagree.
/// </summary>
public static class DetectionSourceNames
{
    public const string ServiceSource = "microsoftDefenderForEndpoint";

    public static string ToGraph(string? siemSource) => siemSource switch
    {
        "EDR" => "microsoftDefenderForEndpoint",
        "Antivirus" => "antivirus",
        "SmartScreen" => "smartScreen",
        "CustomTI" => "customTi",
        "CustomDetection" => "customDetection",
        _ => "unknown",
    };

    /// <summary>The SIEM Source for a detectionSource; null for sources the SIEM API never sent (and for unknown).</summary>
    public static string? ToSiem(string? detectionSource) => detectionSource switch
    {
        "microsoftDefenderForEndpoint" => "EDR",
        "antivirus" => "Antivirus",
        "smartScreen" => "SmartScreen",
        "customTi" => "CustomTI",
        "customDetection" => "CustomDetection",
        _ => null,
    };
}
