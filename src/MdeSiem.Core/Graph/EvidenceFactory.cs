using System;
using System.Collections.Generic;
using System.Text.Json;

namespace MdeSiem.Core.Graph;

/// <summary>Chooses the evidence class by @odata.type; unknown types are kept as <see cref="GenericEvidence"/>.</summary>
internal static class EvidenceFactory
{
    private const string Namespace = "#microsoft.graph.security.";

    private static readonly Dictionary<string, Type> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deviceEvidence"] = typeof(DeviceEvidence),
        ["fileEvidence"] = typeof(FileEvidence),
        ["processEvidence"] = typeof(ProcessEvidence),
        ["ipEvidence"] = typeof(IpEvidence),
        ["urlEvidence"] = typeof(UrlEvidence),
        ["userEvidence"] = typeof(UserEvidence),
        ["mailboxEvidence"] = typeof(MailboxEvidence),
        ["analyzedMessageEvidence"] = typeof(AnalyzedMessageEvidence),
        ["cloudApplicationEvidence"] = typeof(CloudApplicationEvidence),
        ["registryKeyEvidence"] = typeof(RegistryKeyEvidence),
        ["registryValueEvidence"] = typeof(RegistryValueEvidence),
    };

    public static AlertEvidence Create(JsonElement element)
    {
        // A type that is not a string (a damaged or future body) makes generic evidence, not a failed page.
        var odataType = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("@odata.type", out var typeElement) && typeElement.ValueKind == JsonValueKind.String
            ? typeElement.GetString()
            : null;
        var shortName = odataType is null ? string.Empty : odataType.StartsWith(Namespace, StringComparison.OrdinalIgnoreCase)
            ? odataType.Substring(Namespace.Length)
            : odataType.TrimStart('#');
        if (Types.TryGetValue(shortName, out var type))
        {
            return (AlertEvidence)GraphObjectBinder.Bind(type, element);
        }

        var generic = GraphObjectBinder.Bind<GenericEvidence>(element);
        generic.RawJson = element.GetRawText();
        return generic;
    }

    /// <summary>The wire type of an evidence class, for writers and for ConvertTo-GraphAlert.</summary>
    public static string WireTypeOf(Type type) => Namespace + char.ToLowerInvariant(type.Name[0]) + type.Name.Substring(1);
}
