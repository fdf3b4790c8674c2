using System.Text;

namespace MdeSiem.Core.Output;

/// <summary>
/// Record keys written as the last field of a line in the module's own state files (the -OutFile journal, the keys a
/// checkpoint run spills to disk): a key may hold any character, so a line break or backslash in it is escaped and
/// every entry stays on one line.
/// </summary>
internal static class KeyLineEscaping
{
    private static readonly char[] Special = { '\\', '\n', '\r' };

    /// <summary>The key as it is written: the same string when it holds nothing to escape.</summary>
    public static string Escape(string key)
    {
        if (key.IndexOfAny(Special) < 0)
        {
            return key;
        }

        var builder = new StringBuilder(key.Length + 8);
        foreach (var c in key)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>The key as it was before <see cref="Escape"/>.</summary>
    public static string Unescape(string text)
    {
        if (text.IndexOf('\\') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                builder.Append(text[i] switch { 'n' => '\n', 'r' => '\r', _ => text[i] });
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
