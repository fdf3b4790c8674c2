using System;
using System.Collections.Generic;

namespace MdeSiem.Simulator.Graph;

/// <summary>
/// The ways the Graph view of a detection stops agreeing with its SIEM records, switched on with
/// SimulatorOptions.GraphDivergences (--graph-divergences). Without it both views agree by construction; with it a
/// fixed share of alerts, chosen by a hash of the AlertId (so tests can name them), differs as real tenants do:
/// <list type="bullet">
/// <item>Updated since: "MDE alerts are atomic/complete that are updatable, while the SIEM API were immutable records
/// of detections" (the migration table's AlertPart and ReportId rows, seed 002). One alert in <see cref="UpdatedEvery"/>
/// has been worked on after its SIEM records were written: triaged and resolved (status, classification,
/// determination, assignedTo) and, because the detection saw more activity, lastActivityDateTime and
/// lastUpdateDateTime <see cref="LaterActivity"/> after its last record's LastProcessedTimeUtc.</item>
/// <item>No device group: Graph's deviceEvidence.rbacGroupName is an optional String
/// (https://learn.microsoft.com/graph/api/resources/security-deviceevidence) while the SIEM API filters by
/// MachineGroup on the server (machinegroups, https://learn.microsoft.com/defender-endpoint/api/pull-alerts-using-rest-api).
/// One alert in <see cref="NoDeviceGroupEvery"/> has a device evidence without rbacGroupName, so a machine-group query
/// returns it from the SIEM API while a client filtering Graph's alerts by group cannot place it.</item>
/// <item>Created outside the window needs no switch: the SIEM API selects records by LastProcessedTimeUtc and Graph by
/// createdDateTime (AlertTime), which the generator puts 5 s to 30 min earlier, so every window's edges already
/// hold alerts only one side returns.</item>
/// </list>
/// </summary>
public static class GraphDivergences
{
    public const int UpdatedEvery = 7;
    public const int NoDeviceGroupEvery = 9;
    public static readonly TimeSpan LaterActivity = TimeSpan.FromMinutes(20);

    /// <summary>True when Graph's alert was updated after its SIEM records were written (ground truth for tests).</summary>
    public static bool IsUpdatedSince(string alertId) => Hash(alertId, "updated") % UpdatedEvery == 0;

    /// <summary>True when Graph's device evidence of the alert names no device group (ground truth for tests).</summary>
    public static bool HasNoDeviceGroup(string alertId) => Hash(alertId, "group") % NoDeviceGroupEvery == 0;

    /// <summary>Changes a freshly built alert as the divergences say.</summary>
    internal static void Apply(GraphAlertRecord alert)
    {
        if (IsUpdatedSince(alert.Id))
        {
            alert.LastActivityDateTime += LaterActivity;
            alert.LastUpdateDateTime = alert.LastActivityDateTime;
            alert.Status = "resolved";
            alert.ResolvedDateTime = alert.LastUpdateDateTime;
            alert.Classification = "truePositive";
            alert.Determination = "malware";
            alert.AssignedTo = "secops@contoso.com";
        }

        if (HasNoDeviceGroup(alert.Id))
        {
            foreach (Dictionary<string, object?> evidence in alert.Evidence)
            {
                if (evidence.TryGetValue("@odata.type", out var type) && (type as string)?.EndsWith("deviceEvidence", StringComparison.Ordinal) == true)
                {
                    evidence["rbacGroupName"] = null;
                }
            }
        }
    }

    private static ulong Hash(string alertId, string purpose)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in purpose + ":" + alertId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
