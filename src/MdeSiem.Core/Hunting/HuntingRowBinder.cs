using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using MdeSiem.Core.Errors;
using MdeSiem.Core.StreamingApi;

namespace MdeSiem.Core.Hunting;

/// <summary>
/// Types one result row by its schema: datetime as UTC DateTime, Int64 as long, Boolean as bool, dynamic parsed
/// from its JSON text (or taken as nested JSON) into objects and arrays. Columns are matched by name.
/// </summary>
internal static class HuntingRowBinder
{
    public static HuntingRow Bind(HuntingSchema schema, JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new MdeSiemException(ErrorCode.InvalidResponse, $"A hunting result row is not a JSON object (it is {row.ValueKind}).");
        }

        var values = new object?[schema.Columns.Count];
        var extra = new List<KeyValuePair<string, object?>>();
        foreach (var property in row.EnumerateObject())
        {
            var index = IndexOf(schema, property.Name);
            if (index < 0)
            {
                extra.Add(new KeyValuePair<string, object?>(property.Name, StreamingColumnValues.ToPlain(property.Value)));
                continue;
            }

            values[index] = Read(schema.Columns[index], property.Value);
        }

        return new HuntingRow(schema, values, extra);
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

    private static object? Read(HuntingColumn column, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var ok = true;
        object? typed = null;
        switch (column.Kind)
        {
            case HuntingValueKind.DateTime:
                ok = StreamingColumnValues.TryUtcDateTime(value, out var time);
                typed = time;
                break;
            case HuntingValueKind.Int64:
                ok = StreamingColumnValues.TryInt64(value, out var wide);
                typed = wide;
                break;
            case HuntingValueKind.Int32:
                ok = StreamingColumnValues.TryInt32(value, out var narrow);
                typed = narrow;
                break;
            case HuntingValueKind.Boolean:
                typed = value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    // Kusto's bool is an SByte: 0 or 1 on some paths.
                    JsonValueKind.Number when value.TryGetInt32(out var bit) => bit != 0,
                    JsonValueKind.String when bool.TryParse(value.GetString(), out var flag) => flag,
                    _ => null,
                };
                ok = typed is not null;
                break;
            case HuntingValueKind.Double:
                typed = value.ValueKind == JsonValueKind.Number ? value.GetDouble()
                    : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? real : null;
                ok = typed is not null;
                break;
            case HuntingValueKind.Guid:
                typed = value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var guid) ? guid : null;
                ok = typed is not null;
                break;
            case HuntingValueKind.TimeSpan:
                typed = value.ValueKind == JsonValueKind.String && TimeSpan.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var span) ? span : null;
                ok = typed is not null;
                break;
            case HuntingValueKind.Dynamic:
                return ReadDynamic(value);
            default:
                StreamingColumnValues.TryString(value, out var text);
                return text;
        }

        // A value that does not read as its column's type is kept as the service sent it, never dropped.
        return ok ? typed : StreamingColumnValues.ToPlain(value);
    }

    /// <summary>Dynamic values come as JSON text or as nested JSON; text that is not JSON stays text.</summary>
    private static object? ReadDynamic(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text && LooksLikeJson(text))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return StreamingColumnValues.ToPlain(document.RootElement);
            }
            catch (JsonException)
            {
                return text;
            }
        }

        return StreamingColumnValues.ToPlain(value);
    }

    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith("{", StringComparison.Ordinal) || trimmed.StartsWith("[", StringComparison.Ordinal);
    }
}
