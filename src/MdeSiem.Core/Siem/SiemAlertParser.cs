using System.Text.Json;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.Siem;

/// <summary>Reads one SIEM API record, tolerating drift: unknown fields and unreadable values are kept, not fatal.</summary>
public static class SiemAlertParser
{
    public static readonly JsonElementParser<MdeSiemAlert> Parse = ParseRecord;

    private static bool ParseRecord(ref Utf8JsonReader reader, out MdeSiemAlert alert)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new MdeSiemException(ErrorCode.InvalidResponse, $"A SIEM API record is not a JSON object (found {reader.TokenType}).");
        }

        alert = new MdeSiemAlert();
        var fields = SiemAlertFields.Ordered;
        var repeated = JsonStringCache.ValuesOfThisThread;
        var expected = 0;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return true;
            }

            // The service sends its fields in a fixed order: try the one after the last match first, which
            // compares bytes without decoding the name. Anything else takes the case-insensitive lookup.
            SiemAlertField? field = null;
            string? name = null;
            if (expected < fields.Count && reader.ValueTextEquals(fields[expected].Utf8Name))
            {
                field = fields[expected];
            }
            else
            {
                name = reader.GetString()!;
                if (SiemAlertFields.IndexByName.TryGetValue(name, out var index))
                {
                    field = fields[index];
                    expected = index;
                }
            }

            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                // Rare (fields this version does not know): only a nested value needs its end checked.
                var probe = reader;
                if (!probe.TrySkip())
                {
                    return false;
                }
            }

            if (field is not null)
            {
                expected++;
                if (field.Read(ref reader, alert, repeated))
                {
                    continue;
                }
            }

            alert.SetAdditionalField(name ?? field!.Name, JsonValueReaders.ReadAny(ref reader));
        }
    }
}
