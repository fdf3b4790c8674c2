using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MdeSiem.Core.Forwarding;

namespace MdeSiem.Core.Output;

/// <summary>
/// Turns each record into the one line -OutFile writes, with the same formatters as the ConvertTo-MdeSiem*
/// cmdlets. CSV keeps one set of columns per run: the header of the file being appended to when it has one
/// (as Export-Csv -Append does), else the first record's properties; values are quoted as Export-Csv quotes them,
/// times in UTC ISO 8601.
/// </summary>
public sealed class RecordLineFormatter
{
    private readonly OutFileFormat _format;
    private string[]? _columns;

    public RecordLineFormatter(OutFileFormat format) => _format = format;

    /// <summary>The header line of a new file, or null for formats without one.</summary>
    public string? Header => _format == OutFileFormat.Csv && _columns is not null ? string.Join(",", _columns.Select(Quote)) : null;

    /// <summary>Takes the columns of a CSV file that already has a header, so appended rows line up with it.</summary>
    public void AdoptHeaderOf(string path)
    {
        if (_format != OutFileFormat.Csv || _columns is not null || !File.Exists(path))
        {
            return;
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        var first = reader.ReadLine();
        if (!string.IsNullOrEmpty(first))
        {
            _columns = SplitHeader(first!);
        }
    }

    public string Format(object record)
    {
        var fields = record as IFieldSource ?? ObjectFields.From(record);
        switch (_format)
        {
            case OutFileFormat.Csv:
                _columns ??= fields.Fields.Select(field => field.Key).ToArray();
                return string.Join(",", _columns.Select(column => Quote(fields.TryGetValue(column, out var value) ? FieldValues.ToText(value) ?? string.Empty : string.Empty)));
            case OutFileFormat.Cef:
                return CefFormatter.Format(fields);
            case OutFileFormat.Leef:
                return LeefFormatter.Format(fields);
            default:
                return JsonLineFormatter.Format(fields);
        }
    }

    // Export-Csv's quoting: every value in double quotes, a quote inside doubled. Line breaks inside a value would
    // split the record over lines, and -OutFile promises one line per record: they are written as spaces.
    private static string Quote(string value) =>
        "\"" + value.Replace("\"", "\"\"").Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ') + "\"";

    private static string[] SplitHeader(string line)
    {
        var columns = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                columns.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        columns.Add(current.ToString());
        return columns.ToArray();
    }
}
