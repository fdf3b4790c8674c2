using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MdeSiem.Tests.Mapping;

/// <summary>Reads the mapping table from docs/siem-to-graph-mapping.md (copied beside the tests at build).</summary>
internal static class MappingTableDocument
{
    private const string Header = "| SIEM API property |";

    public static IReadOnlyList<MappingTableRow> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Mapping", "siem-to-graph-mapping.md"));
        int start = Array.FindIndex(lines, line => line.StartsWith(Header, StringComparison.Ordinal));
        if (start < 0)
        {
            throw new InvalidDataException("The mapping table's header row is missing from docs/siem-to-graph-mapping.md.");
        }

        var rows = new List<MappingTableRow>();
        foreach (var line in lines.Skip(start + 2).TakeWhile(line => line.StartsWith("|", StringComparison.Ordinal)))
        {
            var cells = line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
            bool mapped = cells[1] == "->";
            if (!mapped && cells[1] != "X")
            {
                throw new InvalidDataException($"Mapping cell '{cells[1]}' of row {cells[0]} is neither -> nor X.");
            }

            rows.Add(new MappingTableRow(cells[0], mapped, cells[2]));
        }

        return rows;
    }
}
