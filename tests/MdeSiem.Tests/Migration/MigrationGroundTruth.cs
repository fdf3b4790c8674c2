using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Simulator;
using MdeSiem.Simulator.Graph;

namespace MdeSiem.Tests.Migration;

/// <summary>
/// What a comparison of one window must find, worked out from the simulator's generator and its divergence rules
/// alone: which alerts each API returns, which pair, and why the others do not. Nothing here uses the module.
/// </summary>
internal sealed class MigrationGroundTruth
{
    public MigrationGroundTruth(SiemAlertGenerator generator, DateTime since, DateTime until, params string[] machineGroups)
    {
        bool InGroups(string? group) => machineGroups.Length == 0 || machineGroups.Contains(group ?? "", StringComparer.OrdinalIgnoreCase);
        bool InWindow(DateTime time) => time >= since && time < until;

        var all = generator.GetRecords().ToList();
        AllParts = all.GroupBy(r => r.AlertId).ToDictionary(g => g.Key, g => g.ToList());
        Records = all.Where(r => InWindow(r.LastProcessedTimeUtc) && InGroups(r.MachineGroup)).ToList();
        SiemIds = Records.Select(r => r.AlertId).ToHashSet();

        foreach (var (id, parts) in AllParts)
        {
            if (!InWindow(parts[0].AlertTime))
            {
                continue;
            }

            bool noGroup = GraphDivergences.HasNoDeviceGroup(id) || string.IsNullOrEmpty(parts[0].MachineGroup);
            if (machineGroups.Length > 0 && noGroup)
            {
                GraphWithoutGroup.Add(id);
            }
            else if (InGroups(parts[0].MachineGroup))
            {
                GraphIds.Add(id);
            }
        }

        Paired = SiemIds.Where(GraphIds.Contains).ToHashSet();
        foreach (var id in SiemIds.Where(id => !GraphIds.Contains(id)))
        {
            if (GraphWithoutGroup.Contains(id))
            {
                OnlyInSiemMachineGroupUnknown++;
            }
            else if (!InWindow(AllParts[id][0].AlertTime))
            {
                OnlyInSiemCreatedOutsideWindow++;
            }
            else
            {
                OnlyInSiemUnexplained++;
            }
        }

        foreach (var id in GraphIds.Where(id => !SiemIds.Contains(id)))
        {
            if (GraphLastActivity(id) >= until)
            {
                OnlyInGraphProcessedOutsideWindow++;
            }
            else
            {
                OnlyInGraphUnexplained++;
            }
        }
    }

    public List<SiemRecord> Records { get; }

    public Dictionary<string, List<SiemRecord>> AllParts { get; }

    public HashSet<string> SiemIds { get; }

    public HashSet<string> GraphIds { get; } = new();

    public HashSet<string> GraphWithoutGroup { get; } = new();

    public HashSet<string> Paired { get; }

    public int OnlyInSiemCreatedOutsideWindow { get; }

    public int OnlyInSiemMachineGroupUnknown { get; }

    public int OnlyInSiemUnexplained { get; }

    public int OnlyInGraphProcessedOutsideWindow { get; }

    public int OnlyInGraphUnexplained { get; }

    /// <summary>The in-window records of an alert (what the SIEM API returned of it).</summary>
    public IEnumerable<SiemRecord> SiemPartsOf(string id) => Records.Where(r => r.AlertId == id);

    /// <summary>Graph's lastActivityDateTime: the latest LastProcessedTimeUtc of all parts, later when updated since.</summary>
    public DateTime GraphLastActivity(string id) =>
        AllParts[id].Max(p => p.LastProcessedTimeUtc) + (GraphDivergences.IsUpdatedSince(id) ? GraphDivergences.LaterActivity : TimeSpan.Zero);
}
