using System;
using System.Collections.Generic;
using System.Globalization;

namespace MdeSiem.Simulator.Hunting;

/// <summary>
/// Splits a query into tokens: names, quoted strings ('..' or ".."), numbers, timespan literals (1d, 2h, 30m, 10s,
/// 100ms), datetime(...) literals and the operators the subset uses.
/// </summary>
internal static class KqlLexer
{
    private static readonly string[] Symbols = ["==", "!=", "=~", "!~", ">=", "<=", "..", "|", ",", "(", ")", ">", "<"];

    public static List<KqlToken> Tokenize(string text)
    {
        var tokens = new List<KqlToken>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c is '"' or '\'')
            {
                int end = text.IndexOf(c, i + 1);
                if (end < 0)
                {
                    throw KqlError.Syntax(text[i..], i + 1);
                }

                tokens.Add(new KqlToken(KqlTokenKind.String, text[(i + 1)..end], i + 1, text[(i + 1)..end]));
                i = end + 1;
            }
            else if (char.IsDigit(c))
            {
                int start = i;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.') && !(text[i] == '.' && i + 1 < text.Length && text[i + 1] == '.'))
                {
                    i++;
                }

                int unitStart = i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }

                tokens.Add(Number(text[start..unitStart], text[unitStart..i], start + 1));
            }
            else if (char.IsLetter(c) || c == '_' || (c == '!' && i + 1 < text.Length && char.IsLetter(text[i + 1])))
            {
                int start = i;
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                string name = text[start..i];
                if (name.Equals("datetime", StringComparison.Ordinal) && Peek(text, i) == '(')
                {
                    int open = text.IndexOf('(', i);
                    int close = text.IndexOf(')', open);
                    if (close < 0)
                    {
                        throw KqlError.Syntax(name, start + 1);
                    }

                    string literal = text[(open + 1)..close].Trim().Trim('"', '\'');
                    if (!DateTime.TryParse(literal, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime time))
                    {
                        throw KqlError.Syntax(literal, open + 2);
                    }

                    tokens.Add(new KqlToken(KqlTokenKind.DateTime, text[start..(close + 1)], start + 1, DateTime.SpecifyKind(time, DateTimeKind.Utc)));
                    i = close + 1;
                }
                else
                {
                    tokens.Add(new KqlToken(KqlTokenKind.Identifier, name, start + 1));
                }
            }
            else
            {
                string? symbol = Array.Find(Symbols, candidate => string.CompareOrdinal(text, i, candidate, 0, candidate.Length) == 0);
                if (symbol is null)
                {
                    throw KqlError.Syntax(c.ToString(), i + 1);
                }

                tokens.Add(new KqlToken(KqlTokenKind.Symbol, symbol, i + 1));
                i += symbol.Length;
            }
        }

        tokens.Add(new KqlToken(KqlTokenKind.End, "<end>", text.Length + 1));
        return tokens;
    }

    private static char Peek(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < text.Length ? text[i] : '\0';
    }

    private static KqlToken Number(string digits, string unit, int position)
    {
        if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number))
        {
            throw KqlError.Syntax(digits + unit, position);
        }

        if (unit.Length == 0)
        {
            return new KqlToken(KqlTokenKind.Number, digits, position, number);
        }

        TimeSpan span = unit switch
        {
            "d" => TimeSpan.FromDays(number),
            "h" => TimeSpan.FromHours(number),
            "m" => TimeSpan.FromMinutes(number),
            "s" => TimeSpan.FromSeconds(number),
            "ms" => TimeSpan.FromMilliseconds(number),
            _ => throw KqlError.Syntax(digits + unit, position),
        };
        return new KqlToken(KqlTokenKind.TimeSpan, digits + unit, position, span);
    }
}
