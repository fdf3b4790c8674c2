using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MdeSiem.Tests.Forwarding;

/// <summary>
/// A LEEF 2.0 reader written from the LEEF specification, independent of the module: "LEEF:2.0|vendor|product|
/// version|event id|delimiter|" (the delimiter a single character or its hex code as xHH / 0xHH), then attributes
/// separated by the delimiter, each "key=value" split at the first '='. Header fields unescape "\|" and "\\";
/// values unescape a backslash before the delimiter or a backslash, and "\n" / "\r".
/// </summary>
internal sealed class LeefSpecParser
{
    private LeefSpecParser(List<string> header, char delimiter, List<KeyValuePair<string, string>> attributes)
    {
        Header = header;
        Delimiter = delimiter;
        Attributes = attributes;
    }

    /// <summary>Vendor, product, version, event id (the version prefix and delimiter field excluded).</summary>
    public IReadOnlyList<string> Header { get; }

    public char Delimiter { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; }

    public Dictionary<string, string> AttributeMap()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in Attributes)
        {
            map.Add(pair.Key, pair.Value);
        }

        return map;
    }

    public static LeefSpecParser Parse(string line)
    {
        const string prefix = "LEEF:2.0|";
        if (!line.StartsWith(prefix, StringComparison.Ordinal) || line.IndexOf('\n') >= 0 || line.IndexOf('\r') >= 0)
        {
            throw new FormatException("Not a one-line LEEF 2.0 event");
        }

        var header = new List<string>();
        var current = new StringBuilder();
        var position = prefix.Length;
        while (header.Count < 5)
        {
            var character = line[position++];
            if (character == '\\')
            {
                current.Append(line[position++]);
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

        var delimiterField = header[4];
        header.RemoveAt(4);
        char delimiter = delimiterField.Length == 1
            ? delimiterField[0]
            : (char)int.Parse(delimiterField.Substring(delimiterField.StartsWith("0x", StringComparison.Ordinal) ? 2 : 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        var attributes = new List<KeyValuePair<string, string>>();
        var body = line.Substring(position);
        var field = new StringBuilder();
        for (var i = 0; i <= body.Length; i++)
        {
            if (i == body.Length || body[i] == delimiter)
            {
                var text = field.ToString();
                var equals = text.IndexOf('=');
                if (equals <= 0)
                {
                    throw new FormatException("Attribute without a key: " + text);
                }

                attributes.Add(new KeyValuePair<string, string>(text.Substring(0, equals), text.Substring(equals + 1)));
                field.Clear();
                continue;
            }

            if (body[i] == '\\')
            {
                var next = body[++i];
                field.Append(next switch
                {
                    'n' => '\n',
                    'r' => '\r',
                    _ when next == '\\' || next == delimiter => next,
                    _ => throw new FormatException($"Bad escape \\{next}"),
                });
            }
            else
            {
                field.Append(body[i]);
            }
        }

        return new LeefSpecParser(header, delimiter, attributes);
    }
}
