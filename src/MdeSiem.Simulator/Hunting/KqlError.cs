using System;

namespace MdeSiem.Simulator.Hunting;

/// <summary>A query the simulated advanced hunting service refuses; the message is what the 400 answer carries.</summary>
internal sealed class KqlError : Exception
{
    public KqlError(string message)
        : base(message)
    {
    }

    /// <summary>The service's wording for a query that does not parse ("A recognition error occurred",
    /// https://learn.microsoft.com/en-us/defender-xdr/advanced-hunting-errors).</summary>
    public static KqlError Syntax(string token, int position) =>
        new($"Syntax error: A recognition error occurred. Token: '{token}'. Line: 1, Position: {position}.");

    public static KqlError UnknownColumn(string operatorName, string name) =>
        new($"'{operatorName}' operator: Failed to resolve scalar expression named '{name}'");
}
