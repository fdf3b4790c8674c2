using System;
using System.Collections.Generic;

namespace MdeSiem.Simulator.Hunting;

/// <summary>A column of a hunting table or result: its name and the type name the schema reports.</summary>
internal sealed record KqlColumn(string Name, string Type);

/// <summary>Rows of values (string, DateTime, long or null) under named columns.</summary>
internal sealed class KqlTable
{
    public KqlTable(IReadOnlyList<KqlColumn> columns, List<object?[]> rows)
    {
        Columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<KqlColumn> Columns { get; }

    public List<object?[]> Rows { get; }

    public int IndexOf(string name, string operatorName)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw KqlError.UnknownColumn(operatorName, name);
    }
}
