using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Simulator.Graph;

namespace MdeSiem.Simulator.Mde;

/// <summary>
/// One alert as the Defender for Endpoint alerts API shows it, read from the Graph view of the same detection (so
/// an update through either API shows in both): ids, times, texts and evidence come from there, renamed to the MDE
/// API's properties and values. EDR detections have an automated investigation (one per incident); others none.
/// </summary>
internal sealed class MdeAlertView
{
    public MdeAlertView(GraphAlertRecord graph)
    {
        Graph = graph;
    }

    public GraphAlertRecord Graph { get; }

    public string Id => Graph.Id;

    public long IncidentId => long.Parse(Graph.IncidentId, System.Globalization.CultureInfo.InvariantCulture);

    public long? InvestigationId => Graph.DetectionSource == "microsoftDefenderForEndpoint" ? IncidentId : null;

    public string InvestigationState => InvestigationId is null ? "UnsupportedAlertType" : "Running";

    public string Status => MdeWireValues.ToMde(MdeWireValues.Status, Graph.Status) ?? "Unknown";

    public string Severity => MdeWireValues.ToMde(MdeWireValues.Severity, Graph.Severity) ?? "UnSpecified";

    public string? Classification => MdeWireValues.ToMde(MdeWireValues.Classification, Graph.Classification);

    public string? Determination => MdeWireValues.ToMde(MdeWireValues.Determination, Graph.Determination);

    public string? DetectionSource => MdeWireValues.ToMde(MdeWireValues.DetectionSource, Graph.DetectionSource);

    public string MachineId => Graph.DeviceId;

    public string? ComputerDnsName => Device?.GetValueOrDefault("deviceDnsName") as string;

    /// <summary>A device in no group has none (null), as on the real API; the Graph evidence keeps the SIEM's empty text.</summary>
    public string? RbacGroupName => Device?.GetValueOrDefault("rbacGroupName") is string { Length: > 0 } group ? group : null;

    /// <summary>The account of the first user or process evidence, as relatedUser.</summary>
    public Dictionary<string, object?>? RelatedUser => Graph.Evidence
        .Where(evidence => TypeOf(evidence) is "userEvidence" or "processEvidence")
        .Select(evidence => evidence.GetValueOrDefault("userAccount") as Dictionary<string, object?>)
        .FirstOrDefault(account => account?.GetValueOrDefault("accountName") is string);

    // Read only for the alerts written out: every request wraps every alert, most are filtered or paged away.
    private Dictionary<string, object?>? Device => Graph.Evidence.FirstOrDefault(evidence => TypeOf(evidence) == "deviceEvidence");

    public static string? TypeOf(Dictionary<string, object?> evidence) =>
        (evidence.GetValueOrDefault("@odata.type") as string)?.Replace("#microsoft.graph.security.", "", StringComparison.Ordinal);
}
