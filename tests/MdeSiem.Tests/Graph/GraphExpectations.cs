using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Simulator;

namespace MdeSiem.Tests.Graph;

/// <summary>
/// Expected Graph alerts computed from the generator's SIEM records alone (group by AlertId, then the seed 002
/// mapping table written out by hand here), never from the simulator's Graph code.
/// </summary>
internal static class GraphExpectations
{
    public static List<ExpectedGraphAlert> AlertsOf(IEnumerable<SiemAlertGenerator> batches) =>
        batches.SelectMany(batch => batch.GetRecords())
            .GroupBy(record => record.AlertId, StringComparer.Ordinal)
            .Select(parts => new ExpectedGraphAlert(
                parts.Key,
                parts.First().AlertTitle ?? "",
                (parts.First().Severity ?? "").ToLowerInvariant(),
                parts.First().Source switch
                {
                    "EDR" => "microsoftDefenderForEndpoint",
                    "Antivirus" => "antivirus",
                    "SmartScreen" => "smartScreen",
                    "CustomTI" => "customTi",
                    "CustomDetection" => "customDetection",
                    _ => "unknown",
                },
                parts.First().AlertTime,
                parts.Max(record => record.LastProcessedTimeUtc),
                parts.First().ComputerDnsName))
            .ToList();
}
