using System;
using System.Collections.Generic;
using System.Linq;

namespace MdeSiem.Simulator.Identity;

/// <summary>The resources (audiences) the simulated Entra ID issues tokens for, and the ones the SIEM API accepts.</summary>
internal static class KnownResources
{
    /// <summary>The SIEM API's documented resource.</summary>
    public const string AzureAdGraph = "https://graph.windows.net";

    public const string SecurityCenter = "https://api.securitycenter.microsoft.com";

    public const string DefenderXdr = "https://api.security.microsoft.com";

    public const string MicrosoftGraph = "https://graph.microsoft.com";

    /// <summary>Azure Storage's data plane (the Streaming API export read by account name); served by Azurite in tests.</summary>
    public const string AzureStorage = "https://storage.azure.com";

    /// <summary>
    /// Event Hubs' data plane: "https://eventhubs.azure.net/, and it's the same for all clouds/tenants"
    /// (https://learn.microsoft.com/azure/event-hubs/authorize-access-azure-active-directory).
    /// </summary>
    public const string EventHubs = "https://eventhubs.azure.net";

    private static readonly string[] Issuable = [AzureAdGraph, SecurityCenter, DefenderXdr, MicrosoftGraph, AzureStorage, EventHubs];

    private static readonly string[] SiemAudiences = [AzureAdGraph, SecurityCenter];

    /// <summary>The canonical spelling of a requested resource, or null if no token can be issued for it.</summary>
    public static string? Canonical(string requested)
    {
        // Entra accepts the App ID URI with or without a trailing slash and in any case.
        string trimmed = requested.TrimEnd('/');
        return Issuable.FirstOrDefault(known => string.Equals(known, trimmed, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsSiemAudience(string audience) => SiemAudiences.Contains(audience, StringComparer.Ordinal);

    public static IReadOnlyList<string> All => Issuable;
}
