using System;
using System.Collections.Generic;
using System.Linq;

namespace MdeSiem.Core.Hunting;

/// <summary>The schema of a hunting result (huntingQueryResults.schema): its columns in order.</summary>
public sealed class HuntingSchema
{
    public HuntingSchema(IReadOnlyList<HuntingColumn> columns)
    {
        Columns = columns ?? throw new ArgumentNullException(nameof(columns));
    }

    public IReadOnlyList<HuntingColumn> Columns { get; }

    /// <summary>The column names, for a quick look.</summary>
    public string ColumnNames => string.Join(", ", Columns.Select(column => column.Name));

    public HuntingColumn? Find(string name) => Columns.FirstOrDefault(column => string.Equals(column.Name, name, StringComparison.Ordinal));

    public override string ToString() => ColumnNames;
}
