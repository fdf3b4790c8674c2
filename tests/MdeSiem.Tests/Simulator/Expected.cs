using System;
using System.Collections.Generic;
using System.Linq;
using MdeSiem.Simulator;

namespace MdeSiem.Tests.Simulator;

/// <summary>
/// Expected answers computed from the generator's records with plain LINQ, independent of the simulator's own
/// index arithmetic and filters.
/// </summary>
internal static class Expected
{
    public static IReadOnlyList<SiemRecord> Between(SiemAlertGenerator generator, DateTime sinceUtc, DateTime untilUtc) =>
        generator.GetRecords()
            .Where(record => record.LastProcessedTimeUtc >= sinceUtc && record.LastProcessedTimeUtc < untilUtc)
            .ToArray();

    public static IReadOnlyList<string> FullIds(IEnumerable<SiemRecord> records) => records.Select(record => record.FullId).ToArray();
}
