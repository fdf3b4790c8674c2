using System;
using System.Collections.Generic;

namespace MdeSiem.Simulator.Graph;

/// <summary>
/// The members of the alert's updatable enums as the v1.0 metadata declares them (https://graph.microsoft.com/v1.0/$metadata,
/// schema microsoft.graph.security: alertStatus, alertClassification, alertDetermination), and the names the alert
/// page's property prose uses instead for some of them (https://learn.microsoft.com/en-us/graph/api/resources/security-alert:
/// "compromisedUser", "clean", "insufficientData", "confirmedUserActivity", and "benignPositive" in older versions).
/// Microsoft's pages disagree, so the simulator accepts both spellings in a PATCH and always answers with the
/// metadata's member. unknownFutureValue is the evolvable-enum sentinel ("Don't use"), so a PATCH may not set it.
/// </summary>
internal static class GraphEnumMembers
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Updatable = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["status"] = ["unknown", "new", "inProgress", "resolved"],
        ["classification"] = ["unknown", "falsePositive", "truePositive", "informationalExpectedActivity"],
        ["determination"] =
        [
            "unknown", "apt", "malware", "securityPersonnel", "securityTesting", "unwantedSoftware", "other", "multiStagedAttack",
            "compromisedAccount", "phishing", "maliciousUserActivity", "notMalicious", "notEnoughDataToValidate",
            "confirmedActivity", "lineOfBusinessApplication",
        ],
    };

    /// <summary>Prose name -> metadata member, per property.</summary>
    private static readonly IReadOnlyDictionary<(string Property, string Name), string> ProseNames = new Dictionary<(string, string), string>
    {
        [("determination", "compromisedUser")] = "compromisedAccount",
        [("determination", "clean")] = "notMalicious",
        [("determination", "insufficientData")] = "notEnoughDataToValidate",
        [("determination", "confirmedUserActivity")] = "confirmedActivity",
        [("classification", "benignPositive")] = "informationalExpectedActivity",
    };

    /// <summary>The metadata's member a PATCH value names (its own or the prose's spelling), or null when it names none.</summary>
    public static string? MemberOf(string property, string? value)
    {
        if (value is null || !Updatable.TryGetValue(property, out IReadOnlyList<string>? members))
        {
            return null;
        }

        foreach (string member in members)
        {
            if (string.Equals(member, value, StringComparison.Ordinal))
            {
                return member;
            }
        }

        return ProseNames.GetValueOrDefault((property, value));
    }
}
