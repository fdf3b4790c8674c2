using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace MdeSiem.Core.Migration;

/// <summary>
/// Recognises a retiring surface in text: its hosts and paths (in URLs, configs, SDK calls) and the commands that call
/// it. Hosts are those the services document: the SIEM API's wdatp-alertexporter-{eu,us,uk} hosts
/// (https://learn.microsoft.com/defender-endpoint/api/pull-alerts-using-rest-api), the Defender API's
/// api.security.microsoft.com with its geographic hosts (us., eu., uk., au., swa., ina.) and the older
/// api[-region].securitycenter.microsoft.com / .windows.com (https://learn.microsoft.com/defender-endpoint/api/exposed-apis-list),
/// and Graph's /security/alerts (https://learn.microsoft.com/graph/api/resources/alert).
/// </summary>
public static class RetiredApiPatterns
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string DefenderHost = @"(?:(?:[a-z]+\.)?api\.security\.microsoft\.com|api(?:-[a-z]+)?\.securitycenter\.(?:microsoft|windows)\.(?:com|us))";
    private const string DefenderApiPath = DefenderHost + @"/api(?:/v1\.0)?/";

    // Most specific first: a match that overlaps an earlier one is not reported again.
    private static readonly (Regex Pattern, RetiringSurface? Surface)[] Table =
    {
        (new Regex(@"\bwdatp-alertexporter(?:-[a-z]+)?\.(?:securitycenter\.)?windows\.com(?:/api/alerts?\b)?", Options), RetiringSurfaces.SiemApi),
        (new Regex(@"\b" + DefenderApiPath + @"(?:alerts|machines/[^/\s'""`]+/alerts)(?![\w-])", Options), RetiringSurfaces.MdeAlertsApi),
        (new Regex(@"\b" + DefenderApiPath + @"incidents(?![\w-])", Options), RetiringSurfaces.XdrIncidentsApi),
        (new Regex(@"\b" + DefenderApiPath + @"(?:advancedqueries|advancedhunting)(?![\w-])", Options), RetiringSurfaces.HuntingApi),
        (new Regex(@"(?:\b(?:graph\.microsoft\.(?:com|us)|dod-graph\.microsoft\.us|microsoftgraph\.chinacloudapi\.cn)(?=/))?/?\b(?:v1\.0|beta)/security/alerts(?![\w-])", Options), RetiringSurfaces.GraphLegacyAlerts),

        // The Graph SDKs' request builders for /security/alerts (C# .Security.Alerts, Python .security.alerts, the
        // JavaScript client's api('/security/alerts')); their alerts_v2 builders end in _v2 and do not match.
        (new Regex(@"\.security\.alerts(?![\w-])|(?<=['""`])/security/alerts(?![\w-])", Options), RetiringSurfaces.GraphLegacyAlerts),
        (new Regex(@"(?<![\w-])(?:[\w.]+\\)?(?:" + string.Join("|", RetiringSurfaces.Commands.Keys.Select(Regex.Escape)) + @")(?![\w-])", Options), null),
        (new Regex(@"\b" + DefenderHost + @"(?![\w-])", Options), RetiringSurfaces.DefenderApi),
    };

    /// <summary>Every retiring surface named in <paramref name="text"/>, in text order, without overlaps.</summary>
    /// <param name="includeCommands">False where a command name is only text (a string in a script): then only hosts and paths count.</param>
    public static IReadOnlyList<RetiredApiMatch> Find(string text, bool includeCommands = true)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var found = new List<RetiredApiMatch>();
        foreach (var (pattern, surface) in Table)
        {
            if (surface is null && !includeCommands)
            {
                continue;
            }

            foreach (Match match in pattern.Matches(text))
            {
                if (!found.Any(f => f.Index < match.Index + match.Length && match.Index < f.Index + f.Length))
                {
                    found.Add(new RetiredApiMatch(match.Index, match.Length, match.Value, surface ?? RetiringSurfaces.ForCommand(match.Value)!));
                }
            }
        }

        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found;
    }
}
