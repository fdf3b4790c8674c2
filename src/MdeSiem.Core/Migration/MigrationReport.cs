using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Migration;

/// <summary>A comparison's whole result: the summary and one row per mapping-table row, in table order.</summary>
public sealed class MigrationReport
{
    public MigrationReport(MigrationSummary summary, IReadOnlyList<MigrationFieldRow> rows, DateTime generatedUtc)
    {
        Summary = summary;
        Rows = rows;
        GeneratedUtc = generatedUtc;
    }

    public MigrationSummary Summary { get; }

    public IReadOnlyList<MigrationFieldRow> Rows { get; }

    public DateTime GeneratedUtc { get; }
}
