using System.Collections.Generic;
using System.Linq;
using MdeSiem.Simulator.Graph;
using MdeSiem.Simulator.Incidents;

namespace MdeSiem.Simulator.Mde;

/// <summary>An incident as the Defender XDR incidents API shows it: the Graph incident grouping, with its alerts.</summary>
internal sealed class MdeIncidentView
{
    public MdeIncidentView(GraphIncidentRecord graph)
    {
        Graph = graph;
        Alerts = (graph.Alerts ?? []).Select(alert => new MdeAlertView(alert)).ToList();
    }

    public GraphIncidentRecord Graph { get; }

    public IReadOnlyList<MdeAlertView> Alerts { get; }

    public long IncidentId => long.Parse(Graph.Id, System.Globalization.CultureInfo.InvariantCulture);

    public string Status => XdrIncidentValues.ToXdr(XdrIncidentValues.Status, Graph.Status) ?? "Active";

    /// <summary>Graph's "unknown" is Unknown here too.</summary>
    public string Classification => XdrIncidentValues.ToXdr(XdrIncidentValues.Classification, Graph.Classification) ?? "Unknown";

    /// <summary>No determination yet is NotAvailable.</summary>
    public string Determination => XdrIncidentValues.DeterminationToXdr(Graph.Determination) ?? "NotAvailable";

    public string Severity => MdeWireValues.ToMde(MdeWireValues.Severity, Graph.Severity) ?? "UnSpecified";
}
