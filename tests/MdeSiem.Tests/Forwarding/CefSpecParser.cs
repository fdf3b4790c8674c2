using System;
using System.Collections.Generic;
using System.Text;

namespace MdeSiem.Tests.Forwarding;

/// <summary>
/// A CEF reader written from the ArcSight CEF implementation standard, independent of the module: seven header
/// fields separated by unescaped pipes ("\|" and "\\" escape), then extensions "key=value" separated by spaces,
/// where a value runs until the space before the next key (letters, digits, underscore) followed by an unescaped
/// "="; values unescape "\=", "\\", "\n" and "\r".
/// </summary>
internal sealed class CefSpecParser
{
    private CefSpecParser(List<string> header, List<KeyValuePair<string, string>> extensions)
    {
        Header = header;
        Extensions = extensions;
    }

    /// <summary>Version, vendor, product, device version, signature id, name, severity.</summary>
    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Extensions { get; }

    public Dictionary<string, string> ExtensionMap()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Extensions)
        {
            if (map.ContainsKey(pair.Key))
            {
                throw new FormatException("Duplicate extension key " + pair.Key);
            }

            map[pair.Key] = pair.Value;
        }

        return map;
    }

    public static CefSpecParser Parse(string line)
    {
        if (!line.StartsWith("CEF:", StringComparison.Ordinal))
        {
            throw new FormatException("Not a CEF line");
        }

        if (line.IndexOf('\n') >= 0 || line.IndexOf('\r') >= 0)
        {
            throw new FormatException("A CEF event is one line");
        }

        var header = new List<string>();
        var current = new StringBuilder();
        var position = 4;
        while (header.Count < 7)
        {
            if (position >= line.Length)
            {
                throw new FormatException("Header ends early");
            }

            var character = line[position++];
            if (character == '\\')
            {
                var next = line[position++];
                if (next is not ('\\' or '|'))
                {
                    throw new FormatException($"Bad header escape \\{next}");
                }

                current.Append(next);
            }
            else if (character == '|')
            {
                header.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(character);
            }
        }

        return new CefSpecParser(header, ParseExtensions(line.Substring(position)));
    }

    private static List<KeyValuePair<string, string>> ParseExtensions(string text)
    {
        // Find every "key=" start: a key at the start or after a space, ending at an unescaped '='.
        var starts = new List<(int KeyStart, int EqualsAt)>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] != '=')
            {
                continue;
            }

            var keyStart = i;
            while (keyStart > 0 && IsKeyChar(text[keyStart - 1]))
            {
                keyStart--;
            }

            if (keyStart < i && (keyStart == 0 || text[keyStart - 1] == ' '))
            {
                starts.Add((keyStart, i));
            }
            else
            {
                throw new FormatException("Unescaped '=' inside a value at " + i);
            }
        }

        var pairs = new List<KeyValuePair<string, string>>();
        for (var n = 0; n < starts.Count; n++)
        {
            var (keyStart, equalsAt) = starts[n];
            var valueEnd = n + 1 < starts.Count ? starts[n + 1].KeyStart - 1 : text.Length;
            var raw = text.Substring(equalsAt + 1, valueEnd - equalsAt - 1);
            pairs.Add(new KeyValuePair<string, string>(text.Substring(keyStart, equalsAt - keyStart), Unescape(raw)));
        }

        return pairs;
    }

    private static bool IsKeyChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    private static string Unescape(string raw)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != '\\')
            {
                builder.Append(raw[i]);
                continue;
            }

            var next = raw[++i];
            builder.Append(next switch
            {
                '\\' => '\\',
                '=' => '=',
                'n' => '\n',
                'r' => '\r',
                _ => throw new FormatException($"Bad extension escape \\{next}"),
            });
        }

        return builder.ToString();
    }
}
