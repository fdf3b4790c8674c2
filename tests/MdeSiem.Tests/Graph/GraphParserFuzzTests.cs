using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using MdeSiem.Core.Errors;
using MdeSiem.Core.Graph;
using MdeSiem.Tests.Core;
using Xunit;

namespace MdeSiem.Tests.Graph;

/// <summary>
/// Mutated Microsoft Graph alert and incident pages (bit flips, truncation, wrong types, huge strings, deep nesting)
/// fed to the streaming page reader and the model binder, 1,000 cases per mutation and page kind (10,000 in all).
/// Whatever the bytes, the only failure that may escape is the module's own <see cref="MdeSiemException"/>; every
/// property of every object that comes out can be read (PowerShell's formatter reads them all). Deterministic: a
/// fixed seed per case set, so a failure names a case that reproduces.
/// </summary>
public sealed class GraphParserFuzzTests
{
    private const int CasesPerMutation = 1000;

    private static readonly byte[] AlertsPage = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Graph", "Fixtures", "graph-alerts-page.json"));

    private static readonly byte[] IncidentsPage = MakeIncidentsPage();

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var page in new[] { "alerts", "incidents" })
        {
            foreach (var mutation in new[] { "bitflip", "truncate", "wrongtype", "hugestring", "nesting" })
            {
                cases.Add(page, mutation);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Mutated_pages_end_in_objects_or_the_modules_own_error(string page, string mutation)
    {
        var seed = page == "alerts" ? AlertsPage : IncidentsPage;
        var random = new Random(StableSeed(page + "/" + mutation));
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < CasesPerMutation; i++)
        {
            var body = Mutate(seed, mutation, random);
            var chunkSize = 1 + random.Next(8192);
            string outcome;
            try
            {
                outcome = page == "alerts"
                    ? await Read(body, chunkSize, GraphObjectBinder.Bind<DefenderAlert>)
                    : await Read(body, chunkSize, GraphObjectBinder.Bind<DefenderIncident>);
            }
            catch (Exception exception) when (exception is not MdeSiemException)
            {
                throw new Xunit.Sdk.XunitException($"Case {i} of {page}/{mutation} (chunk {chunkSize}) let {exception.GetType().FullName} escape: {exception.Message}\n{exception.StackTrace}");
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.Equal(CasesPerMutation, outcomes.Values.Sum());

        // The mutations must reach both ends: some bodies still parse, some are refused.
        if (mutation is "truncate" or "nesting" or "bitflip")
        {
            Assert.Contains(outcomes.Keys, key => key.StartsWith("Invalid", StringComparison.Ordinal) || key == nameof(ErrorCode.IncompleteResponse));
        }

        if (mutation is "wrongtype" or "hugestring")
        {
            Assert.Contains("parsed", outcomes.Keys);
        }
    }

    /// <summary>One alert as GET /security/alerts_v2/{id} answers it, mutated the same ways, through the entity reader.</summary>
    [Theory]
    [InlineData("bitflip")]
    [InlineData("truncate")]
    [InlineData("wrongtype")]
    [InlineData("nesting")]
    public async Task Mutated_single_alerts_end_in_an_alert_or_the_modules_own_error(string mutation)
    {
        var seed = SingleAlert();
        var random = new Random(StableSeed("entity/" + mutation));
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < CasesPerMutation / 4; i++)
        {
            var body = Mutate(seed, mutation, random);
            string outcome;
            try
            {
                using var response = new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new System.Net.Http.ByteArrayContent(body) };
                var alert = await GraphPageReader.ReadEntityAsync(response, new Uri("https://graph.microsoft.com/v1.0/security/alerts_v2/x"), GraphObjectBinder.Bind<DefenderAlert>, default);
                TouchEveryProperty(alert, depth: 0);
                outcome = "parsed";
            }
            catch (MdeSiemException exception)
            {
                outcome = exception.Code.ToString();
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"Case {i} of entity/{mutation} let {exception.GetType().FullName} escape: {exception.Message}\n{exception.StackTrace}");
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.Equal(CasesPerMutation / 4, outcomes.Values.Sum());
    }

    [Fact]
    public async Task Evidence_whose_type_is_not_a_string_is_kept_as_generic_evidence_not_a_failed_page()
    {
        var text = Encoding.UTF8.GetString(AlertsPage);
        var broken = text.Replace("\"#microsoft.graph.security.deviceEvidence\"", "[\"not\", \"a type\"]", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);
        var alerts = new List<DefenderAlert>();

        await foreach (var alert in GraphPageStreamReader.ReadAsync(new ChunkedStream(Encoding.UTF8.GetBytes(broken), 512), GraphObjectBinder.Bind<DefenderAlert>, new GraphPageLinks()))
        {
            alerts.Add(alert);
        }

        Assert.Contains(alerts.SelectMany(alert => alert.Evidence), evidence => evidence.GetType().Name == "GenericEvidence");
    }

    [Fact]
    public async Task The_unmutated_pages_parse_completely()
    {
        Assert.Equal("parsed", await Read(AlertsPage, 4096, GraphObjectBinder.Bind<DefenderAlert>));
        Assert.Equal("parsed", await Read(IncidentsPage, 4096, GraphObjectBinder.Bind<DefenderIncident>));
    }

    private static async Task<string> Read<T>(byte[] body, int chunkSize, Func<JsonElement, T> bind)
    {
        try
        {
            await foreach (var item in GraphPageStreamReader.ReadAsync(new ChunkedStream(body, chunkSize), bind, new GraphPageLinks()))
            {
                TouchEveryProperty(item!, depth: 0);
            }

            return "parsed";
        }
        catch (MdeSiemException exception)
        {
            return exception.Code.ToString();
        }
    }

    /// <summary>Reads every public property, down through lists and nested models, as Format-List would.</summary>
    private static void TouchEveryProperty(object value, int depth)
    {
        if (depth > 8 || value is string || value.GetType().IsPrimitive || value is DateTime)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                if (item is not null)
                {
                    TouchEveryProperty(item, depth + 1);
                }
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetValue(value) is { } child)
            {
                _ = child.ToString();
                TouchEveryProperty(child, depth + 1);
            }
        }
    }

    private static byte[] Mutate(byte[] seed, string mutation, Random random)
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

    private static byte[] SingleAlert()
    {
        using var page = JsonDocument.Parse(AlertsPage);
        return Encoding.UTF8.GetBytes(page.RootElement.GetProperty("value")[0].GetRawText());
    }

    /// <summary>string.GetHashCode differs per process; this does not.</summary>
    private static int StableSeed(string text)
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
