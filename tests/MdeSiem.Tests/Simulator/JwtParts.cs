using System;
using System.Buffers.Text;
using System.Text.Json;

namespace MdeSiem.Tests.Simulator;

/// <summary>Reads and forges JWT segments in tests, independently of the simulator's token code.</summary>
internal static class JwtParts
{
    public static JsonElement Payload(string token) => Decode(token.Split('.')[1]);

    public static JsonElement Header(string token) => Decode(token.Split('.')[0]);

    /// <summary>The token with one payload claim replaced and the original signature kept, as an attacker would try.</summary>
    public static string WithClaim(string token, string claim, long value)
    {
        string[] parts = token.Split('.');
        using JsonDocument payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (JsonProperty property in payload.RootElement.EnumerateObject())
            {
                if (property.NameEquals(claim))
                {
                    writer.WriteNumber(claim, value);
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return parts[0] + "." + Base64Url.EncodeToString(buffer.ToArray()) + "." + parts[2];
    }

    private static JsonElement Decode(string segment)
    {
        using JsonDocument document = JsonDocument.Parse(Base64Url.DecodeFromChars(segment));
        return document.RootElement.Clone();
    }

    public static DateTimeOffset Time(JsonElement payload, string claim) => DateTimeOffset.FromUnixTimeSeconds(payload.GetProperty(claim).GetInt64());
}
