namespace MdeSiem.Simulator.Generation;

/// <summary>
/// A kind of detection: what the service says about it whatever machine it fires on. Threat fields are set for
/// Antivirus detections, the IOA definition for EDR ones, the indicator name for custom threat intelligence.
/// </summary>
internal sealed record AlertTemplate(
    string Source,
    string Category,
    string Title,
    string Description,
    string[] Severities,
    int FileNumber)
{
    public string IoaDefinitionId { get; init; } = "";

    public string Actor { get; init; } = "";

    public string ThreatCategory { get; init; } = "";

    public string ThreatFamily { get; init; } = "";

    public string ThreatName { get; init; } = "";

    public string IocName { get; init; } = "";

    public bool IsAntivirus => Source == "Antivirus";
}
