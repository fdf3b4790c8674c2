using System;
using System.Collections.Generic;
using System.Linq;

namespace MdeSiem.Simulator.Mde;

/// <summary>
/// The Defender for Endpoint API's names for values the Graph view keeps in Graph's spelling: one alert, two APIs,
/// so an update through either shows in both. Each table maps Graph's camelCase member to the MDE API's member.
/// </summary>
internal static class MdeWireValues
{
    public static readonly IReadOnlyDictionary<string, string> Status = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["unknown"] = "Unknown",
        ["new"] = "New",
        ["inProgress"] = "InProgress",
        ["resolved"] = "Resolved",
    };

    public static readonly IReadOnlyDictionary<string, string> Severity = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["unknown"] = "UnSpecified",
        ["informational"] = "Informational",
        ["low"] = "Low",
        ["medium"] = "Medium",
        ["high"] = "High",
    };

    /// <summary>Graph's "unknown" is no classification (null) on the MDE API.</summary>
    public static readonly IReadOnlyDictionary<string, string> Classification = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["truePositive"] = "TruePositive",
        ["falsePositive"] = "FalsePositive",
        ["informationalExpectedActivity"] = "InformationalExpectedActivity",
    };

    /// <summary>The Update alert API's determination members; Graph's "unknown" is null.</summary>
    public static readonly IReadOnlyDictionary<string, string> Determination = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["multiStagedAttack"] = "MultiStagedAttack",
        ["maliciousUserActivity"] = "MaliciousUserActivity",
        ["compromisedAccount"] = "CompromisedUser",
        ["malware"] = "Malware",
        ["phishing"] = "Phishing",
        ["unwantedSoftware"] = "UnwantedSoftware",
        ["securityTesting"] = "SecurityTesting",
        ["lineOfBusinessApplication"] = "LineOfBusinessApplication",
        ["confirmedActivity"] = "ConfirmedActivity",
        ["notMalicious"] = "NotMalicious",
        ["notEnoughDataToValidate"] = "InsufficientData",
        ["other"] = "Other",
    };

    /// <summary>The MDE API's detectionSource for Graph's (the SIEM Source values behind them).</summary>
    public static readonly IReadOnlyDictionary<string, string> DetectionSource = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["microsoftDefenderForEndpoint"] = "WindowsDefenderAtp",
        ["antivirus"] = "WindowsDefenderAv",
        ["smartScreen"] = "WindowsDefenderSmartScreen",
        ["customTi"] = "CustomerTI",
        ["customDetection"] = "CustomDetection",
    };

    public static string? ToMde(IReadOnlyDictionary<string, string> table, string? graphValue) =>
        graphValue is not null && table.TryGetValue(graphValue, out string? mde) ? mde : null;

    /// <summary>The Graph member of an MDE API value, matched without regard to case; null when there is none.</summary>
    public static string? ToGraph(IReadOnlyDictionary<string, string> table, string mdeValue) =>
        table.FirstOrDefault(pair => string.Equals(pair.Value, mdeValue, StringComparison.OrdinalIgnoreCase)).Key;
}
