namespace MdeSiem.Simulator.Hunting;

internal enum KqlTokenKind
{
    Identifier,
    String,
    Number,
    TimeSpan,
    DateTime,
    Symbol,
    End,
}

/// <summary>One token of a query; <see cref="Position"/> counts characters from 1, as the service's errors do.</summary>
internal sealed record KqlToken(KqlTokenKind Kind, string Text, int Position, object? Value = null);
