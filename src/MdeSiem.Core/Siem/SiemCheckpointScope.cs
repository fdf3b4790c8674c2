using System;
using System.Linq;
using MdeSiem.Core.Auth;
using MdeSiem.Core.Checkpoints;

namespace MdeSiem.Core.Siem;

/// <summary>
/// The parts of a SIEM query that make it a different pull: a checkpoint written for one machine group must not
/// be continued by a pull of another, or records would be skipped.
/// </summary>
public static class SiemCheckpointScope
{
    public const string Api = CheckpointApiNames.SiemAlerts;

    public static string Describe(SiemAlertQuery query, SiemRegion region)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        var groups = string.Join(",", query.MachineGroups.Select(g => g.ToUpperInvariant()).OrderBy(g => g, StringComparer.Ordinal));
        return $"region={region};machinegroups={groups};devicetag={query.DeviceCreatedMachineTag};cloudtag={query.CloudCreatedMachineTag}";
    }

    /// <summary>The scope of a checkpointed SIEM pull: watermark on LastProcessedTimeUtc, records keyed by FullId.</summary>
    public static CheckpointScope<MdeSiemAlert> For(SiemAlertQuery query, SiemRegion region) =>
        new(Api, Describe(query, region), KeyOf, alert => alert.LastProcessedTimeUtc);

    /// <summary>The record's identity: FullId, or the alert id and part when an old payload lacks it.</summary>
    public static string KeyOf(MdeSiemAlert alert)
    {
        if (alert is null)
        {
            throw new ArgumentNullException(nameof(alert));
        }

        return alert.FullId ?? $"{alert.AlertId}#{alert.AlertPart}";
    }
}
