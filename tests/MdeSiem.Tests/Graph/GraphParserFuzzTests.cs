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
using MdeSiem.Core.OData;
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

    private static readonly byte[] AlertsPage = GraphFuzzBodies.AlertsPage;

    private static readonly byte[] IncidentsPage = GraphFuzzBodies.IncidentsPage;

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
        var random = new Random(GraphFuzzBodies.StableSeed(page + "/" + mutation));
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < CasesPerMutation; i++)
        {
            var body = GraphFuzzBodies.Mutate(seed, mutation, random);
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
        var seed = GraphFuzzBodies.SingleAlert();
        var random = new Random(GraphFuzzBodies.StableSeed("entity/" + mutation));
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < CasesPerMutation / 4; i++)
        {
            var body = GraphFuzzBodies.Mutate(seed, mutation, random);
            string outcome;
            try
            {
                using var response = new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new System.Net.Http.ByteArrayContent(body) };
                var alert = await ODataEntityReader.ReadEntityAsync(response, new Uri("https://graph.microsoft.com/v1.0/security/alerts_v2/x"), GraphObjectBinder.Bind<DefenderAlert>, default);
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

        await foreach (var alert in ODataPageStreamReader.ReadAsync(new ChunkedStream(Encoding.UTF8.GetBytes(broken), 512), GraphObjectBinder.Bind<DefenderAlert>, new ODataPageLinks()))
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
            await foreach (var item in ODataPageStreamReader.ReadAsync(new ChunkedStream(body, chunkSize), bind, new ODataPageLinks()))
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
}
