using System.Text.Json;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Json;

namespace MdeSiem.Core.Siem;

/// <summary>Reads one SIEM API record, tolerating drift: unknown fields and unreadable values are kept, not fatal.</summary>
public static class SiemAlertParser
{
    public static readonly JsonElementParser<MdeSiemAlert> Parse = ParseRecord;

    private static MdeSiemAlert ParseRecord(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new MdeSiemException(ErrorCode.InvalidResponse, $"A SIEM API record is not a JSON object (found {reader.TokenType}).");
        }

        var alert = new MdeSiemAlert();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (!SiemAlertFields.Readers.TryGetValue(name, out var read) || !read(ref reader, alert))
            {
                alert.SetAdditionalField(name, JsonValueReaders.ReadAny(ref reader));
            }
        }

        return alert;
    }
}
