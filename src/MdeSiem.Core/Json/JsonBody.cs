using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace MdeSiem.Core.Json;

/// <summary>Writes a small JSON object request body (a PATCH or POST) with Utf8JsonWriter.</summary>
internal static class JsonBody
{
    public static string Write(Action<Utf8JsonWriter> properties)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteStringArray(Utf8JsonWriter writer, string name, System.Collections.Generic.IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
