using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Converts between Graph's camelCase enum members and the module's enums. Graph adds members over time (and sends
/// them when asked with Prefer: include-unknown-enum-members), so a value this version does not know becomes
/// UnknownFutureValue while the model keeps its text. The module's members are the v1.0 metadata's
/// (https://graph.microsoft.com/v1.0/$metadata, schema microsoft.graph.security); where Microsoft's prose names a
/// member differently, the prose name is read as the metadata's member (<see cref="Aliases"/>) and never sent.
/// </summary>
public static class GraphEnum
{
    /// <summary>
    /// Names the alert page's property prose uses for members the metadata and its own values tables name otherwise
    /// (https://learn.microsoft.com/en-us/graph/api/resources/security-alert): read as the metadata's member.
    /// </summary>
    private static readonly Dictionary<(Type Enum, string Wire), object> Aliases = new(new AliasComparer())
    {
        [(typeof(AlertDetermination), "confirmedUserActivity")] = AlertDetermination.ConfirmedActivity,
        [(typeof(AlertDetermination), "compromisedUser")] = AlertDetermination.CompromisedAccount,
        [(typeof(AlertDetermination), "clean")] = AlertDetermination.NotMalicious,
        [(typeof(AlertDetermination), "insufficientData")] = AlertDetermination.NotEnoughDataToValidate,
        [(typeof(AlertClassification), "benignPositive")] = AlertClassification.InformationalExpectedActivity,

        // https://learn.microsoft.com/en-us/graph/api/resources/security-alertevidence lists "notRemediated".
        [(typeof(EvidenceRemediationStatus), "notRemediated")] = EvidenceRemediationStatus.Unremediated,
    };

    public static string ToWire<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    public static TEnum? Parse<TEnum>(string? wire)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(wire))
        {
            return null;
        }

        // Enum.TryParse also accepts numbers: those are not members, whatever their value.
        if (!char.IsDigit(wire![0]) && !wire.StartsWith("-", StringComparison.Ordinal)
            && Enum.TryParse<TEnum>(wire, ignoreCase: true, out var known))
        {
            return known;
        }

        if (Aliases.TryGetValue((typeof(TEnum), wire), out var alias))
        {
            return (TEnum)alias;
        }

        return (TEnum)Enum.Parse(typeof(TEnum), "UnknownFutureValue");
    }

    public static string? ToWire<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } member ? ToWire(member) : null;

    /// <summary>Graph's members are matched without regard to case (the incident examples write TruePositive).</summary>
    private sealed class AliasComparer : IEqualityComparer<(Type Enum, string Wire)>
    {
        public bool Equals((Type Enum, string Wire) x, (Type Enum, string Wire) y) =>
            x.Enum == y.Enum && string.Equals(x.Wire, y.Wire, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((Type Enum, string Wire) key) =>
            key.Enum.GetHashCode() ^ StringComparer.OrdinalIgnoreCase.GetHashCode(key.Wire);
    }
}
