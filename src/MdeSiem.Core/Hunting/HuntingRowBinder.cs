using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.Hunting;

/// <summary>
/// Types one result row by its schema: datetime as UTC DateTime, Int64 as long, Boolean as bool, dynamic parsed
/// from its JSON text (or taken as nested JSON) into objects and arrays. Columns are matched by name. The row is read
/// in one pass of a <see cref="Utf8JsonReader"/> over its own bytes, with the value readers the Streaming API's
/// records use (<see cref="JsonValueReaders"/>).
/// </summary>
internal static class HuntingRowBinder
{
    /// <param name="schema">The result's columns.</param>
    /// <param name="row">The UTF-8 bytes of one element of the result's "results" array.</param>
    public static HuntingRow Bind(HuntingSchema schema, ReadOnlySpan<byte> row)
    {
        var reader = new Utf8JsonReader(row);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new MdeSiemException(ErrorCode.InvalidResponse, $"A hunting result row is not a JSON object (it is {reader.TokenType}).");
        }

        var values = new object?[schema.Columns.Count];
        var extra = new List<KeyValuePair<string, object?>>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            var index = IndexOf(schema, name);
            if (index < 0)
            {
                extra.Add(new KeyValuePair<string, object?>(name, JsonValueReaders.ToPlain(ref reader)));
                continue;
            }

            values[index] = Read(schema.Columns[index], ref reader);
        }

        return new HuntingRow(schema, values, extra);
    }

    /// <summary>The property names of a row (none when it is not an object), for a result that has no schema.</summary>
    public static List<string> NamesOf(ReadOnlySpan<byte> row)
    {
        var names = new List<string>();
        var reader = new Utf8JsonReader(row);
        if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                names.Add(reader.GetString()!);
                reader.Read();
                reader.Skip();
            }
        }

        return names;
    }

    private static int IndexOf(HuntingSchema schema, string name)
    {
        for (var i = 0; i < schema.Columns.Count; i++)
        {
            if (string.Equals(schema.Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads the reader's current value as the column's type, leaving the reader on the value's last token.</summary>
    private static object? Read(HuntingColumn column, ref Utf8JsonReader value)
    {
        if (value.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var ok = true;
        object? typed = null;
        switch (column.Kind)
        {
            case HuntingValueKind.DateTime:
                ok = JsonValueReaders.TryReadUtcDateTime(ref value, out var time);
                typed = time;
                break;
            case HuntingValueKind.Int64:
                ok = JsonValueReaders.TryReadInt64(ref value, out var wide);
                typed = wide;
                break;
            case HuntingValueKind.Int32:
                ok = JsonValueReaders.TryReadInt32(ref value, out var narrow);
                typed = narrow;
                break;
            case HuntingValueKind.Boolean:
                typed = value.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    // Kusto's bool is an SByte: 0 or 1 on some paths.
                    JsonTokenType.Number when value.TryGetInt32(out var bit) => bit != 0,
                    JsonTokenType.String when bool.TryParse(value.GetString(), out var flag) => flag,
                    _ => null,
                };
                ok = typed is not null;
                break;
            case HuntingValueKind.Double:
                typed = value.TokenType == JsonTokenType.Number ? value.GetDouble()
                    : value.TokenType == JsonTokenType.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? real : null;
                ok = typed is not null;
                break;
            case HuntingValueKind.Guid:
                typed = value.TokenType == JsonTokenType.String && Guid.TryParse(value.GetString(), out var guid) ? guid : null;
                ok = typed is not null;
                break;
            case HuntingValueKind.TimeSpan:
                typed = value.TokenType == JsonTokenType.String && TimeSpan.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var span) ? span : null;
                ok = typed is not null;
                break;
            case HuntingValueKind.Dynamic:
                return ReadDynamic(ref value);
            default:
                return JsonValueReaders.ReadText(ref value);
        }

        // A value that does not read as its column's type is kept as the service sent it, never dropped (the typed
        // readers leave the reader where it was, so the whole value is still there to read).
        return ok ? typed : JsonValueReaders.ToPlain(ref value);
    }

    /// <summary>Dynamic values come as JSON text or as nested JSON; text that is not JSON (or not only JSON) stays text.</summary>
    private static object? ReadDynamic(ref Utf8JsonReader value)
    {
        if (value.TokenType == JsonTokenType.String && value.GetString() is { } text && LooksLikeJson(text))
        {
            try
            {
                var inner = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
                inner.Read();
                var parsed = JsonValueReaders.ToPlain(ref inner);

                // Anything after the value but white space throws here.
                inner.Read();
                return parsed;
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return JsonValueReaders.ToPlain(ref value);
    }

    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal);
    }
}
