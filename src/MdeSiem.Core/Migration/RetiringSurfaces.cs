using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Migration;

/// <summary>
/// The one table of retiring surfaces: the scanner (Find-MdeSiemRetiredApi) reports these rows, and the cmdlets that
/// call a surface warn with its row's <see cref="RetiringSurface.WarningText"/>.
/// </summary>
public static class RetiringSurfaces
{
    // Message Center post MC1220762 (22 January 2026): "Retirement notice: MDE and XDR APIs retiring; migrate to
    // Microsoft Graph Security API"; retirement starts 6 February 2026, full retirement 1 February 2027.
    private const string DefenderApiSource = "Microsoft 365 Message Center MC1220762";
    private const string DefenderApiSourceUrl = "https://admin.microsoft.com/AdminPortal/home#/MessageCenter/:/messages/MC1220762";
    private static readonly DateTime DefenderApiRetirement = new(2027, 2, 1);

    /// <summary>
    /// wdatp-alertexporter-*: deprecated 31 December 2023; "effective December 31st, 2024 ... we reserve the right to
    /// turn off the SIEM API, without additional notice" ("Migrate from the MDE SIEM API to the Microsoft 365 Defender
    /// alerts API", learn.microsoft.com; the postponement: techcommunity post below).
    /// </summary>
    public static readonly RetiringSurface SiemApi = new(
        "Defender for Endpoint SIEM API",
        RetirementStatus.Deprecated,
        new DateTime(2024, 12, 31),
        "Migrate from the MDE SIEM API to the Microsoft 365 Defender alerts API",
        "https://techcommunity.microsoft.com/t5/microsoft-defender-for-endpoint/deprecating-the-legacy-siem-api-postponed/ba-p/3139643",
        "Get-DefenderAlert (Microsoft Graph alerts_v2)",
        "Get-DefenderAlert -ServiceSource microsoftDefenderForEndpoint -CreatedAfter (Get-Date).AddHours(-2) -All");

    /// <summary>GET/PATCH /api/alerts on api.securitycenter.microsoft.com, api.security.microsoft.com and their regional hosts.</summary>
    public static readonly RetiringSurface MdeAlertsApi = new(
        "Defender for Endpoint alerts API",
        RetirementStatus.Retiring,
        DefenderApiRetirement,
        DefenderApiSource,
        DefenderApiSourceUrl,
        "Get-DefenderAlert / Update-DefenderAlert (Microsoft Graph alerts_v2)",
        "Get-DefenderAlert -ServiceSource microsoftDefenderForEndpoint -Status new -All");

    /// <summary>/api/incidents of the Defender XDR (Microsoft 365 Defender) API.</summary>
    public static readonly RetiringSurface XdrIncidentsApi = new(
        "Defender XDR incidents API",
        RetirementStatus.Retiring,
        DefenderApiRetirement,
        DefenderApiSource,
        DefenderApiSourceUrl,
        "Get-DefenderIncident (Microsoft Graph security incidents)",
        "Get-DefenderIncident -ExpandAlerts -All");

    /// <summary>/api/advancedqueries (Defender for Endpoint) and /api/advancedhunting (Defender XDR).</summary>
    public static readonly RetiringSurface HuntingApi = new(
        "Defender advanced hunting API",
        RetirementStatus.Retiring,
        DefenderApiRetirement,
        DefenderApiSource,
        DefenderApiSourceUrl,
        "Invoke-DefenderHuntingQuery (Microsoft Graph runHuntingQuery)",
        "Invoke-DefenderHuntingQuery -Query 'AlertInfo | take 10' -Timespan (New-TimeSpan -Days 1)");

    /// <summary>Any other call of the Defender for Endpoint / Defender XDR API hosts (machines, indicators, tokens for them).</summary>
    public static readonly RetiringSurface DefenderApi = new(
        "Defender for Endpoint and Defender XDR API",
        RetirementStatus.Retiring,
        DefenderApiRetirement,
        DefenderApiSource,
        DefenderApiSourceUrl,
        "the Microsoft Graph security API (Get-DefenderAlert, Get-DefenderIncident for alerts and incidents)",
        "Get-DefenderAlert -CreatedAfter (Get-Date).AddDays(-1) -All");

    /// <summary>
    /// Graph /security/alerts (the first generation, with Get-MgSecurityAlert): "deprecated and will be retired on
    /// August 31, 2026. ... After August 31, 2026, the legacy /security/alerts endpoint will stop returning data."
    /// </summary>
    public static readonly RetiringSurface GraphLegacyAlerts = new(
        "Microsoft Graph legacy security alerts API (/security/alerts)",
        RetirementStatus.Retired,
        new DateTime(2026, 8, 31),
        "Migrate from legacy alerts to the alerts and incidents API",
        "https://learn.microsoft.com/graph/alertsv1-alertsv2-migration",
        "Get-DefenderAlert (Microsoft Graph alerts_v2)",
        "Get-DefenderAlert -Severity High -CreatedAfter (Get-Date).AddDays(-1) -All");

    /// <summary>Every row, most specific first.</summary>
    public static IReadOnlyList<RetiringSurface> All { get; } = new[]
    {
        SiemApi, MdeAlertsApi, XdrIncidentsApi, HuntingApi, DefenderApi, GraphLegacyAlerts,
    };

    /// <summary>
    /// Commands (module-qualified or not) that call a retiring surface: this module's own, and the Microsoft Graph
    /// PowerShell SDK's cmdlets of /security/alerts (the V2 cmdlets are alerts_v2 and are not listed).
    /// </summary>
    public static IReadOnlyDictionary<string, RetiringSurface> Commands { get; } = new Dictionary<string, RetiringSurface>(StringComparer.OrdinalIgnoreCase)
    {
        ["Get-MdeSiemAlert"] = SiemApi,
        ["Get-MdeAlert"] = MdeAlertsApi,
        ["Update-MdeAlert"] = MdeAlertsApi,
        ["Get-MdeIncident"] = XdrIncidentsApi,
        ["Get-MgSecurityAlert"] = GraphLegacyAlerts,
        ["Update-MgSecurityAlert"] = GraphLegacyAlerts,
        ["Get-MgBetaSecurityAlert"] = GraphLegacyAlerts,
        ["Update-MgBetaSecurityAlert"] = GraphLegacyAlerts,
    };

    /// <summary>The surface a command name calls ("MdeSiem\Get-MdeAlert" too), or null.</summary>
    public static RetiringSurface? ForCommand(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        int slash = name!.LastIndexOf('\\');
        var bare = slash >= 0 ? name.Substring(slash + 1) : name;
        return Commands.TryGetValue(bare, out var surface) ? surface : null;
    }
}
