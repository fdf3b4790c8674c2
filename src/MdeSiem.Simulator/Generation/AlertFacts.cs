using System;

namespace MdeSiem.Simulator.Generation;

/// <summary>What every part of one alert shares.</summary>
internal sealed record AlertFacts(
    long Number,
    string AlertId,
    DateTime AlertTimeUtc,
    AlertTemplate Template,
    string Severity,
    SimulatedMachine Machine,
    int EvidenceOffset)
{
    public string LinkToWDATP { get; } = "https://securitycenter.windows.com/alert/" + AlertId;

    public string IncidentLinkToWDATP { get; } = $"https://securitycenter.windows.com/incidents/byalert?alertId={AlertId}&source=SIEM";

    public string LinkToMTP { get; } = "https://security.microsoft.com/alert/" + AlertId;

    public string IncidentLinkToMTP { get; } = $"https://security.microsoft.com/incidents/byalert?alertId={AlertId}&source=SIEM";
}
