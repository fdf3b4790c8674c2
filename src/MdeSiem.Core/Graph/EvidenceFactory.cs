using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace MdeSiem.Core.Graph;

/// <summary>
/// Chooses the evidence class by @odata.type: every evidence type the alertEvidence page lists
/// (https://learn.microsoft.com/en-us/graph/api/resources/security-alertevidence; the v1.0 metadata's types derived
/// from microsoft.graph.security.alertEvidence) has its class, named after it; unknown types are kept as
/// <see cref="GenericEvidence"/> with their raw JSON.
/// </summary>
internal static class EvidenceFactory
{
    private const string Namespace = "#microsoft.graph.security.";

    private static readonly Dictionary<string, Type> Types = typeof(AlertEvidence).Assembly.GetTypes()
        .Where(type => type.IsSubclassOf(typeof(AlertEvidence)) && !type.IsAbstract && type != typeof(GenericEvidence))
        .ToDictionary(type => WireNameOf(type), StringComparer.OrdinalIgnoreCase);

    /// <summary>The short wire names of the evidence types this version models (deviceEvidence, ...).</summary>
    public static IReadOnlyCollection<string> KnownTypes => Types.Keys;

    public static AlertEvidence Create(JsonElement element) => Create(element, typeof(AlertEvidence));

    /// <summary>
    /// The evidence an element holds, where a property declares <paramref name="declared"/>: the class its @odata.type
    /// names when that is one, else the declared class (a nested ipEvidence often comes without a type), else (for a
    /// property declared as any evidence) generic.
    /// </summary>
    public static AlertEvidence Create(JsonElement element, Type declared)
    {
        // A type that is not a string (a damaged or future body) makes generic evidence, not a failed page.
        var odataType = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("@odata.type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
            ? typeElement.GetString()
            : null;
        var shortName = odataType is null ? string.Empty : odataType.StartsWith(Namespace, StringComparison.OrdinalIgnoreCase)
            ? odataType.Substring(Namespace.Length)
            : odataType.TrimStart('#');
        if (Types.TryGetValue(shortName, out var type) && declared.IsAssignableFrom(type))
        {
            return (AlertEvidence)GraphObjectBinder.Bind(type, element);
        }

        if (!declared.IsAbstract)
        {
            // A property typed as one kind holds that kind, whatever (or whether) @odata.type says: keep it all.
            var typed = (AlertEvidence)GraphObjectBinder.Bind(declared, element);
            typed.OdataType ??= WireTypeOf(declared);
            return typed;
        }

        var generic = GraphObjectBinder.Bind<GenericEvidence>(element);
        generic.RawJson = element.GetRawText();
        return generic;
    }

    /// <summary>The wire type of an evidence class, for writers and for ConvertTo-GraphAlert.</summary>
    public static string WireTypeOf(Type type) => Namespace + WireNameOf(type);

    private static string WireNameOf(Type type) => char.ToLowerInvariant(type.Name[0]) + type.Name.Substring(1);
}
