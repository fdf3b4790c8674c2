using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Simulator;

namespace MdeSiem.Tests.Mde;

/// <summary>One Defender for Endpoint alert as the tests expect it, computed from the SIEM records of its AlertId.</summary>
internal sealed record ExpectedMdeAlert(
    string Id,
    string Title,
    string Severity,
    string DetectionSource,
    string? Category,
    DateTime AlertCreationTime,
    DateTime LastUpdateTime,
    string? MachineId,
    string? ComputerDnsName,
    string? RbacGroupName,
    string? ThreatFamilyName,
    long IncidentBlock,
    IReadOnlyList<SiemRecord> Parts);

/// <summary>
/// Expected alerts and incidents from the generator's SIEM records alone (group by AlertId; incidents are the
/// alerts of one device in one six-hour block, by the simulator's documented rule), never from its MDE or Graph code.
/// </summary>
internal static class MdeExpectations
{
    public static List<ExpectedMdeAlert> AlertsOf(IEnumerable<SiemAlertGenerator> batches) =>
        batches.SelectMany(batch => batch.GetRecords())
            .GroupBy(record => record.AlertId, StringComparer.Ordinal)
            .Select(group =>
            {
                var parts = group.ToList();
                var first = parts[0];
                return new ExpectedMdeAlert(
                    group.Key,
                    first.AlertTitle ?? "",
                    first.Severity ?? "",
                    first.Source switch
                    {
                        "EDR" => "WindowsDefenderAtp",
                        "Antivirus" => "WindowsDefenderAv",
                        "SmartScreen" => "WindowsDefenderSmartScreen",
                        "CustomTI" => "CustomerTI",
                        "CustomDetection" => "CustomDetection",
                        _ => "",
                    },
                    first.Category,
                    first.AlertTime,
                    parts.Max(record => record.LastProcessedTimeUtc),
                    first.DeviceID,
                    first.ComputerDnsName,
                    string.IsNullOrEmpty(first.MachineGroup) ? null : first.MachineGroup,
                    string.IsNullOrEmpty(first.ThreatFamily) ? null : first.ThreatFamily,
                    first.AlertTime.Ticks / (6 * TimeSpan.TicksPerHour),
                    parts);
            })
            .ToList();

    /// <summary>The alert ids of each incident: same device, same six-hour block of AlertTime.</summary>
    public static List<HashSet<string>> IncidentsOf(IEnumerable<ExpectedMdeAlert> alerts) =>
        alerts.GroupBy(alert => (alert.MachineId, alert.IncidentBlock))
            .Select(group => new HashSet<string>(group.Select(alert => alert.Id), StringComparer.Ordinal))
            .ToList();
}
