using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace MdeSiem.Tests.Graph;

/// <summary>
/// The fuzz suite's seed bodies (the fixture's alerts page, an incidents page built around its alerts, one alert as
/// an entity) and the mutations applied to them: bit flips, truncation, wrong types, huge strings, deep nesting.
/// </summary>
internal static class GraphFuzzBodies
{
    public static readonly byte[] AlertsPage = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Graph", "Fixtures", "graph-alerts-page.json"));

    public static readonly byte[] IncidentsPage = MakeIncidentsPage();

    public static byte[] Mutate(byte[] seed, string mutation, Random random)
    {
        switch (mutation)
        {
            case "bitflip":
            {
                var copy = (byte[])seed.Clone();
                for (var flips = 1 + random.Next(8); flips > 0; flips--)
                {
                    copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
                }

                return copy;
            }

            case "truncate":
                return seed.Take(random.Next(seed.Length)).ToArray();

            case "wrongtype":
                return ReplaceValue(seed, random, WrongValues[random.Next(WrongValues.Length)]);

            case "hugestring":
                return ReplaceValue(seed, random, "\"" + new string((char)('a' + random.Next(26)), 50_000 + random.Next(200_000)) + "\"");

            default:
                var depth = 1 + random.Next(200);
                return random.Next(2) == 0
                    ? ReplaceValue(seed, random, new string('[', depth) + new string(']', depth))
                    : ReplaceValue(seed, random, string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth));
        }
    }

    private static readonly string[] WrongValues =
    {
        "{}", "[]", "123456789012345678901234567890", "-1.5e308", "1e400", "true", "null", "\"\"", "[{\"a\":[1,{\"b\":null}]}]",
        "\"not-a-date\"", "\"9999-12-31T23:59:59.9999999+14:00\"", "[null,1,\"x\",{}]", "{\"@odata.type\":42}",
        "[{\"@odata.type\":\"#microsoft.graph.security.fileEvidence\",\"fileDetails\":[]}]", "\"\\ud800\"",
    };

    /// <summary>Replaces the value of one randomly chosen property of the seed page with <paramref name="value"/>.</summary>
    private static byte[] ReplaceValue(byte[] seed, Random random, string value)
    {
        var text = Encoding.UTF8.GetString(seed);
        var valueStarts = new List<int>();
        for (var index = text.IndexOf("\":", StringComparison.Ordinal); index >= 0; index = text.IndexOf("\":", index + 2, StringComparison.Ordinal))
        {
            var start = index + 2;
            while (text[start] == ' ')
            {
                start++;
            }

            valueStarts.Add(start);
        }

        var from = valueStarts[random.Next(valueStarts.Count)];
        var end = EndOfValue(text, from);
        return Encoding.UTF8.GetBytes(text.Substring(0, from) + value + text.Substring(end));
    }

    /// <summary>The index just past the JSON value starting at <paramref name="start"/> (string, number, literal, object or array).</summary>
    private static int EndOfValue(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    if (depth == 0)
                    {
                        return i;
                    }

                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
                case ',' when depth == 0:
                    return i;
            }
        }

        return text.Length;
    }

    public static byte[] SingleAlert()
    {
        using var page = JsonDocument.Parse(AlertsPage);
        return Encoding.UTF8.GetBytes(page.RootElement.GetProperty("value")[0].GetRawText());
    }

    /// <summary>string.GetHashCode differs per process; this does not.</summary>
    public static int StableSeed(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash & 0x7fffffff;
    }

    /// <summary>An incidents page ($expand=alerts) built around the fixture's alerts, in Graph's incident shape.</summary>
    private static byte[] MakeIncidentsPage()
    {
        using var alerts = JsonDocument.Parse(AlertsPage);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#security/incidents(alerts())");
            writer.WriteStartArray("value");
            for (var i = 0; i < 3; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", (29000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("tenantId", "b3c1b5fc-828c-45fa-a1e1-10d74f6d6e9c");
                writer.WriteString("status", i == 2 ? "someStatusAddedLater" : "active");
                writer.WriteString("incidentWebUrl", "https://security.microsoft.com/incidents/" + (29000 + i));
                writer.WriteString("redirectIncidentId", (string?)null);
                writer.WriteString("displayName", "Multi-stage incident on one endpoint");
                writer.WriteString("createdDateTime", "2021-08-13T08:43:35.5533333Z");
                writer.WriteString("lastUpdateDateTime", "2021-09-30T09:35:45.1133333Z");
                writer.WriteString("assignedTo", "KaiC@contoso.onmicrosoft.com");
                writer.WriteString("classification", "truePositive");
                writer.WriteString("determination", "multiStagedAttack");
                writer.WriteString("severity", "medium");
                writer.WriteStartArray("customTags");
                writer.WriteStringValue("Demo");
                writer.WriteEndArray();
                writer.WriteStartArray("systemTags");
                writer.WriteStringValue("Defender Experts");
                writer.WriteEndArray();
                writer.WriteStartArray("comments");
                writer.WriteStartObject();
                writer.WriteString("comment", "Demo incident");
                writer.WriteString("createdByDisplayName", "DavidS@contoso.onmicrosoft.com");
                writer.WriteString("createdDateTime", "2021-09-30T12:07:37.2756993Z");
                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteString("description", "A multi-stage incident.");
                writer.WriteString("summary", (string?)null);
                writer.WritePropertyName("alerts");
                alerts.RootElement.GetProperty("value").WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("@odata.nextLink", "https://graph.microsoft.com/v1.0/security/incidents?$expand=alerts&$skiptoken=3");
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
