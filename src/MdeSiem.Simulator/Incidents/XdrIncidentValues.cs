using System;
using System.Collections.Generic;
using System.Linq;

namespace MdeSiem.Simulator.Incidents;

/// <summary>
/// The Defender XDR incidents API's members (https://learn.microsoft.com/en-us/defender-xdr/api-update-incidents)
/// for the values the incident keeps in Graph's spelling: each table maps Graph's member to the XDR API's.
/// </summary>
internal static class XdrIncidentValues
{
    public static readonly IReadOnlyDictionary<string, string> Status = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["active"] = "Active",
        ["resolved"] = "Resolved",
        ["inProgress"] = "InProgress",
        ["redirected"] = "Redirected",
    };

    public static readonly IReadOnlyDictionary<string, string> Classification = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["truePositive"] = "TruePositive",
        ["informationalExpectedActivity"] = "InformationalExpectedActivity",
        ["falsePositive"] = "FalsePositive",
    };

    /// <summary>
    /// The determinations allowed with each classification, as the Update incidents API lists them ("Other" under
    /// all three); the Graph member each is kept as.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> DeterminationByClassification =
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["TruePositive"] = Table(
                ("multiStagedAttack", "MultiStagedAttack"), ("maliciousUserActivity", "MaliciousUserActivity"), ("compromisedAccount", "CompromisedAccount"),
                ("malware", "Malware"), ("phishing", "Phishing"), ("unwantedSoftware", "UnwantedSoftware"), ("other", "Other")),
            ["InformationalExpectedActivity"] = Table(
                ("securityTesting", "SecurityTesting"), ("lineOfBusinessApplication", "LineOfBusinessApplication"), ("confirmedUserActivity", "ConfirmedActivity"), ("other", "Other")),
            ["FalsePositive"] = Table(("notMalicious", "Clean"), ("notEnoughDataToValidate", "NoEnoughDataToValidate"), ("other", "Other")),
        };

    /// <summary>Every determination member, for reading an incident back (Graph spellings accepted on both sides).</summary>
    public static string? DeterminationToXdr(string? graph) =>
        graph switch
        {
            null or "unknown" => null,
            "compromisedUser" => "CompromisedAccount",
            "confirmedActivity" => "ConfirmedActivity",
            _ => DeterminationByClassification.Values.SelectMany(table => table).FirstOrDefault(pair => pair.Key == graph).Value,
        };

    public static string? ToXdr(IReadOnlyDictionary<string, string> table, string? graph) =>
        graph is not null && table.TryGetValue(graph, out string? xdr) ? xdr : null;

    /// <summary>The Graph member of an XDR API value, matched without regard to case; null when there is none.</summary>
    public static string? ToGraph(IReadOnlyDictionary<string, string> table, string xdr) =>
        table.FirstOrDefault(pair => string.Equals(pair.Value, xdr, StringComparison.OrdinalIgnoreCase)).Key;

    private static IReadOnlyDictionary<string, string> Table(params (string Graph, string Xdr)[] pairs) =>
        pairs.ToDictionary(pair => pair.Graph, pair => pair.Xdr, StringComparer.Ordinal);
}
