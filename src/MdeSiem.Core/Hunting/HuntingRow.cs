using System;
using System.Collections.Generic;

namespace MdeSiem.Core.Hunting;

/// <summary>One row of a hunting result: its values typed by the schema's columns, in the schema's order.</summary>
public sealed class HuntingRow
{
    public HuntingRow(HuntingSchema schema, IReadOnlyList<object?> values, IReadOnlyList<KeyValuePair<string, object?>> extra)
    {
        Schema = schema ?? throw new ArgumentNullException(nameof(schema));
        Values = values ?? throw new ArgumentNullException(nameof(values));
        Extra = extra ?? throw new ArgumentNullException(nameof(extra));
    }

    public HuntingSchema Schema { get; }

    /// <summary>One value per schema column (null where the row had none).</summary>
    public IReadOnlyList<object?> Values { get; }

    /// <summary>Properties the row had that the schema did not name, kept as plain values.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Extra { get; }

    public object? this[string column]
    {
        get
        {
            for (var i = 0; i < Schema.Columns.Count; i++)
            {
                if (string.Equals(Schema.Columns[i].Name, column, StringComparison.Ordinal))
                {
                    return Values[i];
                }
            }

            return null;
        }
    }
}
