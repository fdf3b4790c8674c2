using System;
using System.Collections.Generic;
using System.Globalization;

namespace MdeSiem.Simulator.Graph;

/// <summary>
/// The part of OData $filter the Graph security API accepts: comparisons (eq, ne, gt, ge, lt, le) of a filterable
/// property with a string, a DateTimeOffset or null, joined by and/or/not and parentheses. A property the entity
/// has but the service does not filter on is refused with the service's message, as is anything unparsable.
/// </summary>
internal sealed class ODataFilter<T>
{
    private readonly IReadOnlyDictionary<string, Func<T, object?>> filterable;
    private readonly ISet<string> knownProperties;
    private readonly string entityType;
    private readonly List<string> tokens;
    private int position;

    private ODataFilter(string text, IReadOnlyDictionary<string, Func<T, object?>> filterable, ISet<string> knownProperties, string entityType)
    {
        this.filterable = filterable;
        this.knownProperties = knownProperties;
        this.entityType = entityType;
        tokens = Tokenize(text);
    }

    public static bool TryParse(
        string text,
        IReadOnlyDictionary<string, Func<T, object?>> filterable,
        ISet<string> knownProperties,
        string entityType,
        out Func<T, bool> predicate,
        out string error)
    {
        try
        {
            var parser = new ODataFilter<T>(text, filterable, knownProperties, entityType);
            predicate = parser.Or();
            if (parser.position != parser.tokens.Count)
            {
                throw new FormatException($"Syntax error at position {parser.position}: '{parser.tokens[parser.position]}' was not expected.");
            }

            error = "";
            return true;
        }
        catch (FormatException exception)
        {
            predicate = _ => false;
            error = "Invalid filter clause: " + exception.Message;
            return false;
        }
    }

    private Func<T, bool> Or()
    {
        Func<T, bool> left = And();
        while (Accept("or"))
        {
            Func<T, bool> first = left, second = And();
            left = item => first(item) || second(item);
        }

        return left;
    }

    private Func<T, bool> And()
    {
        Func<T, bool> left = Unary();
        while (Accept("and"))
        {
            Func<T, bool> first = left, second = Unary();
            left = item => first(item) && second(item);
        }

        return left;
    }

    private Func<T, bool> Unary()
    {
        if (Accept("not"))
        {
            Func<T, bool> inner = Unary();
            return item => !inner(item);
        }

        if (Accept("("))
        {
            Func<T, bool> inner = Or();
            Expect(")");
            return inner;
        }

        return Comparison();
    }

    private Func<T, bool> Comparison()
    {
        string property = Next("a property name");
        if (!filterable.TryGetValue(property, out Func<T, object?>? read))
        {
            throw new FormatException(knownProperties.Contains(property)
                ? $"The property '{property}' cannot be used in the $filter query option."
                : $"Could not find a property named '{property}' on type '{entityType}'.");
        }

        string op = Next("an operator").ToLowerInvariant();
        string literal = Next("a value");
        object? value = Literal(literal);
        return op switch
        {
            "eq" => item => Compare(read(item), value) == 0,
            "ne" => item => Compare(read(item), value) != 0,
            "gt" => item => Compare(read(item), value) > 0,
            "ge" => item => Compare(read(item), value) >= 0,
            "lt" => item => Compare(read(item), value) < 0,
            "le" => item => Compare(read(item), value) <= 0,
            _ => throw new FormatException($"The operator '{op}' is not supported."),
        };
    }

    private static object? Literal(string token)
    {
        if (token.Length >= 2 && token[0] == '\'' && token[^1] == '\'')
        {
            return token[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        if (token == "null")
        {
            return null;
        }

        // Numbers (the Defender alerts API filters incidentId and investigationId).
        if (long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
        {
            return number;
        }

        if (DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset time) && token.Contains('T', StringComparison.Ordinal))
        {
            return time.UtcDateTime;
        }

        throw new FormatException($"The literal '{token}' is not a valid string, DateTimeOffset or null.");
    }

    /// <summary>Orders null first; strings ignore case, as Graph compares enum and string members.</summary>
    private static int Compare(object? actual, object? expected)
    {
        if (actual is null || expected is null)
        {
            return (actual is null ? 0 : 1) - (expected is null ? 0 : 1);
        }

        if (actual is DateTime actualTime && expected is DateTime expectedTime)
        {
            return actualTime.CompareTo(expectedTime);
        }

        if (actual is long actualNumber && expected is long expectedNumber)
        {
            return actualNumber.CompareTo(expectedNumber);
        }

        if (actual is DateTime || expected is DateTime)
        {
            throw new FormatException("A DateTimeOffset property can only be compared with a DateTimeOffset literal.");
        }

        return string.Compare(Convert.ToString(actual, CultureInfo.InvariantCulture), Convert.ToString(expected, CultureInfo.InvariantCulture), StringComparison.OrdinalIgnoreCase);
    }

    private bool Accept(string token)
    {
        if (position < tokens.Count && string.Equals(tokens[position], token, StringComparison.OrdinalIgnoreCase))
        {
            position++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw new FormatException($"'{token}' expected at position {position}.");
        }
    }

    private string Next(string what) => position < tokens.Count ? tokens[position++] : throw new FormatException($"The expression ends where {what} was expected.");

    private static List<string> Tokenize(string text)
    {
        var result = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                result.Add(c.ToString());
                i++;
            }
            else if (c == '\'')
            {
                int start = i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("A string literal is not closed.");
                    }

                    if (text[i] == '\'' && (i + 1 >= text.Length || text[i + 1] != '\''))
                    {
                        break;
                    }

                    i += text[i] == '\'' ? 2 : 1;
                }

                result.Add(text[start..++i]);
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')')
                {
                    i++;
                }

                result.Add(text[start..i]);
            }
        }

        return result;
    }
}
