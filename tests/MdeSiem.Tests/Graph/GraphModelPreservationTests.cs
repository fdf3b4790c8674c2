using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MdeSiem.Core.Graph;
using Xunit;

namespace MdeSiem.Tests.Graph;

/// <summary>
/// Nothing the service sends is dropped: each documented body (the fixtures, written from Microsoft's examples) gets
/// an extra property in every object at every level, and every one must come back in the model, in the
/// AdditionalProperties of the object it was sent in (or the open dictionary it was sent in). The last body,
/// graph-v1-documented-incident.json, is written from the v1.0 metadata (microsoftgraph/msgraph-metadata,
/// clean_v10_metadata/cleanMetadata.xml): an incident with every declared property, its alert with every property,
/// and one evidence of each of the 48 types derived from alertEvidence, each with every property.
/// </summary>
public sealed class GraphModelPreservationTests
{
    internal static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Graph", "Fixtures", name);

    public static IEnumerable<object[]> DocumentedBodies() => new[]
    {
        new object[] { "graph-alerts-page.json", "alert" },
        new object[] { "graph-incident-expanded.json", "incident" },
        new object[] { "graph-v1-documented-incident.json", "incident" },
    };

    /// <summary>Adds "zzExtra{n}": "kept{n}" to every object below the root; returns how many it added.</summary>
    private static int AddExtraEverywhere(JsonNode? node, ref int counter)
    {
        var added = 0;
        switch (node)
        {
            case JsonObject obj:
                foreach (var child in obj.Select(pair => pair.Value).ToList())
                {
                    added += AddExtraEverywhere(child, ref counter);
                }

                counter++;
                obj["zzExtra" + counter] = "kept" + counter;
                added++;
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    added += AddExtraEverywhere(child, ref counter);
                }

                break;
        }

        return added;
    }

    /// <summary>Every name=value pair held in an AdditionalProperties or an open dictionary, anywhere in the model.</summary>
    internal static void CollectKept(object? value, List<(string Name, string? Value, Type Owner)> kept, Type owner, int depth = 0)
    {
        if (value is null || value is string || value.GetType().IsValueType || depth > 12)
        {
            return;
        }

        if (value is IDictionary<string, object?> dictionary)
        {
            foreach (var pair in dictionary)
            {
                kept.Add((pair.Key, pair.Value?.ToString(), owner));
            }

            return;
        }

        if (value is IEnumerable list)
        {
            foreach (var item in list)
            {
                CollectKept(item, kept, owner, depth + 1);
            }

            return;
        }

        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0)
            {
                CollectKept(property.GetValue(value), kept, value.GetType(), depth + 1);
            }
        }
    }

    private static IEnumerable<GraphObject> BindAll(string fixture, string kind, out int added)
    {
        var root = JsonNode.Parse(File.ReadAllText(FixturePath(fixture)))!;
        var counter = 0;
        var items = kind == "alert" ? root["value"]!.AsArray().ToList() : new List<JsonNode?> { root };
        added = items.Sum(item => AddExtraEverywhere(item, ref counter));
        using var document = JsonDocument.Parse(root.ToJsonString());
        var elements = kind == "alert" ? document.RootElement.GetProperty("value").EnumerateArray().ToList() : new List<JsonElement> { document.RootElement };
        return elements.Select(element => kind == "alert" ? (GraphObject)GraphObjectBinder.Bind<DefenderAlert>(element) : GraphObjectBinder.Bind<DefenderIncident>(element)).ToList();
    }

    [Theory]
    [MemberData(nameof(DocumentedBodies))]
    public void An_extra_property_at_every_level_is_kept(string fixture, string kind)
    {
        var models = BindAll(fixture, kind, out var added);
        var kept = new List<(string Name, string? Value, Type Owner)>();
        foreach (var model in models)
        {
            CollectKept(model, kept, model.GetType());
        }

        // An extra inside an object the model keeps as raw JSON (an unknown property's value) is kept in that text.
        var found = kept.Where(pair => pair.Name.StartsWith("zzExtra", StringComparison.Ordinal) && pair.Value == "kept" + pair.Name.Substring(7))
            .Select(pair => pair.Name.Substring(7))
            .Concat(kept.SelectMany(pair => System.Text.RegularExpressions.Regex.Matches(pair.Value ?? "", "\"zzExtra(\\d+)\":\"kept\\1\"").Select(match => match.Groups[1].Value)))
            .ToList();
        Assert.True(added > 4, $"only {added} objects in {fixture}");
        Assert.Equal(Enumerable.Range(1, added).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(n => n, StringComparer.Ordinal), found.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void The_expanded_incidents_tags_and_comment_authors_fill_the_typed_properties()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FixturePath("graph-incident-expanded.json")));

        var incident = GraphObjectBinder.Bind<DefenderIncident>(document.RootElement);

        Assert.Equal(new[] { "Demo" }, incident.CustomTags);
        Assert.Empty(incident.AdditionalProperties);
        var comment = Assert.Single(incident.Comments);
        Assert.Equal("DavidS@contoso.onmicrosoft.com", comment.CreatedByDisplayName);
        Assert.Equal(new DateTime(2021, 9, 30, 12, 7, 37, DateTimeKind.Utc).AddTicks(2756993), comment.CreatedDateTime);
        Assert.Empty(comment.AdditionalProperties);
    }

    [Fact]
    public void Every_documented_property_and_evidence_type_is_typed()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FixturePath("graph-v1-documented-incident.json")));
        var documentedKinds = document.RootElement.GetProperty("alerts")[0].GetProperty("evidence").EnumerateArray()
            .Select(evidence => evidence.GetProperty("@odata.type").GetString()!.Substring("#microsoft.graph.security.".Length)).ToList();

        var incident = GraphObjectBinder.Bind<DefenderIncident>(document.RootElement);

        var kept = new List<(string Name, string? Value, Type Owner)>();
        foreach (var model in new object[] { incident }.Concat(ModelObjects(incident)))
        {
            if (model is GraphObject graphObject)
            {
                kept.AddRange(graphObject.AdditionalProperties.Select(pair => (pair.Key, pair.Value?.ToString(), model.GetType())));
            }
        }

        Assert.Equal(48, documentedKinds.Count);
        Assert.Empty(kept);
        var alert = Assert.Single(incident.Alerts);
        Assert.Equal(documentedKinds, alert.Evidence.Select(evidence => evidence.GetType().Name).Select(name => char.ToLowerInvariant(name[0]) + name.Substring(1)));
        Assert.DoesNotContain(ModelObjects(incident), model => model is GenericEvidence);
        Assert.Equal(32, incident.PriorityScore);
        Assert.Equal(new[] { "categories-text" }, alert.Categories);
        Assert.Equal("value1", alert.CustomDetails["key1"]);
        Assert.Equal(InvestigationState.Terminated, alert.InvestigationState);
    }

    /// <summary>Every object reachable from a model through its public properties (lists included).</summary>
    internal static IEnumerable<object> ModelObjects(object root)
    {
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var property in current.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.PropertyType == typeof(string) || property.PropertyType.IsValueType
                    || property.Name == nameof(GraphObject.AdditionalProperties) || typeof(IDictionary).IsAssignableFrom(property.PropertyType))
                {
                    continue;
                }

                var value = property.GetValue(current);
                foreach (var child in value is IEnumerable many ? many.Cast<object?>() : new[] { value })
                {
                    if (child is not null && child is not string)
                    {
                        yield return child;
                        pending.Push(child);
                    }
                }
            }
        }
    }
}
