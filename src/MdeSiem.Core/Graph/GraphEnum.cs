using System;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Converts between Graph's camelCase enum members and the module's enums. Graph adds members over time (and sends
/// them when asked with Prefer: include-unknown-enum-members), so a value this version does not know becomes
/// UnknownFutureValue while the model keeps its text.
/// </summary>
public static class GraphEnum
{
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

        return (TEnum)Enum.Parse(typeof(TEnum), "UnknownFutureValue");
    }

    public static string? ToWire<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } member ? ToWire(member) : null;
}
