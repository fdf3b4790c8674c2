using System;
using System.Text;

namespace MdeSiem.Core.Migration;

/// <summary>
/// Replaces every comment character of a source text with a space (line breaks kept), so that patterns find only
/// code and strings, at the line and column they have in the file. String literals are tracked so that "https://..."
/// in C# or "#" in a shell string does not start a comment.
/// </summary>
public static class CommentBlanker
{
    public static string Blank(string text, CommentStyle style)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var output = new StringBuilder(text);
        switch (style)
        {
            case CommentStyle.Hash:
            case CommentStyle.Python:
                BlankHash(text, output, style == CommentStyle.Python);
                break;
            case CommentStyle.CLike:
                BlankCLike(text, output);
                break;
            case CommentStyle.Xml:
                BlankBetween(text, output, "<!--", "-->");
                break;
            case CommentStyle.WholeLine:
                BlankWholeLines(text, output);
                break;
        }

        return output.ToString();
    }

    private static void BlankHash(string text, StringBuilder output, bool docstrings)
    {
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote != '\'')
                {
                    i++;
                }
                else if (c == quote || c == '\n')
                {
                    quote = '\0';
                }

                continue;
            }

            if (docstrings && StartsTripleQuote(text, i) && OpensLine(text, i))
            {
                var end = text.IndexOf(text.Substring(i, 3), i + 3, StringComparison.Ordinal);
                i = Erase(text, output, i, end < 0 ? text.Length : end + 3) - 1;
            }
            else if (docstrings && StartsTripleQuote(text, i))
            {
                var end = text.IndexOf(text.Substring(i, 3), i + 3, StringComparison.Ordinal);
                i = (end < 0 ? text.Length : end + 3) - 1;
            }
            else if (c == '"' || c == '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                i = Erase(text, output, i, LineEnd(text, i)) - 1;
            }
        }
    }

    private static void BlankCLike(string text, StringBuilder output)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '@' && i + 1 < text.Length && text[i + 1] == '"')
            {
                i = SkipVerbatim(text, i + 2) - 1;
            }
            else if (c == '"' || c == '\'' || c == '`')
            {
                i = SkipQuoted(text, i + 1, c) - 1;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = Erase(text, output, i, LineEnd(text, i)) - 1;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = Erase(text, output, i, end < 0 ? text.Length : end + 2) - 1;
            }
        }
    }

    private static void BlankBetween(string text, StringBuilder output, string open, string close)
    {
        for (int i = text.IndexOf(open, StringComparison.Ordinal); i >= 0; i = text.IndexOf(open, i, StringComparison.Ordinal))
        {
            var end = text.IndexOf(close, i + open.Length, StringComparison.Ordinal);
            i = Erase(text, output, i, end < 0 ? text.Length : end + close.Length);
        }
    }

    private static void BlankWholeLines(string text, StringBuilder output)
    {
        for (int start = 0; start < text.Length; start = LineEnd(text, start) + 1)
        {
            int first = start;
            while (first < text.Length && (text[first] == ' ' || text[first] == '\t'))
            {
                first++;
            }

            if (first < text.Length && (text[first] == '#' || text[first] == ';' || (text[first] == '/' && first + 1 < text.Length && text[first + 1] == '/')))
            {
                Erase(text, output, first, LineEnd(text, first));
            }
        }
    }

    /// <summary>Past the closing quote of a C-like literal (backslash escapes; a line break ends a broken literal).</summary>
    private static int SkipQuoted(string text, int i, char quote)
    {
        for (; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == quote || (text[i] == '\n' && quote != '`'))
            {
                return i + 1;
            }
        }

        return text.Length;
    }

    /// <summary>Past the end of a C# verbatim string, where "" is a quote.</summary>
    private static int SkipVerbatim(string text, int i)
    {
        for (; i < text.Length; i++)
        {
            if (text[i] == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return text.Length;
    }

    private static bool StartsTripleQuote(string text, int i) =>
        i + 2 < text.Length && (text[i] == '"' || text[i] == '\'') && text[i + 1] == text[i] && text[i + 2] == text[i];

    private static bool OpensLine(string text, int i)
    {
        for (int j = i - 1; j >= 0 && text[j] != '\n'; j--)
        {
            if (!char.IsWhiteSpace(text[j]))
            {
                return false;
            }
        }

        return true;
    }

    private static int LineEnd(string text, int i)
    {
        var end = text.IndexOf('\n', i);
        return end < 0 ? text.Length : end;
    }

    /// <summary>Spaces over [start, end), line breaks kept; returns end.</summary>
    private static int Erase(string text, StringBuilder output, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (text[i] != '\n' && text[i] != '\r')
            {
                output[i] = ' ';
            }
        }

        return end;
    }
}
